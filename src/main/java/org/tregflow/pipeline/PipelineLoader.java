package org.tregflow.pipeline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Deque;
import java.util.ArrayDeque;
import java.util.stream.Collectors;
import org.tregflow.io.Utf8Text;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** Reads a pipeline YAML file into a {@link PipelineDefinition}, with errors that name the line and column. */
public final class PipelineLoader {
    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private PipelineLoader() {
    }

    /** Parses and checks a pipeline file; every problem found is in the exception. */
    public static PipelineDefinition load(Path file) throws PipelineException {
        String text;
        try {
            text = Utf8Text.read(file, "save the pipeline file as UTF-8");
        } catch (Utf8Text.Malformed e) {
            throw new PipelineException(e.getMessage());
        } catch (NoSuchFileException e) {
            throw new PipelineException(file + ": no such pipeline file");
        } catch (IOException e) {
            throw new PipelineException(file + ": cannot read the pipeline file: " + e.getMessage());
        }
        PipelineDefinition def = parse(text, file.toString());
        Path base = file.toAbsolutePath().getParent();
        List<String> problems = PipelineChecks.check(def, base);
        if (!problems.isEmpty()) {
            throw new PipelineException(problems.stream().map(p -> file + ": " + p).toList());
        }
        return def;
    }

    /** Parses YAML text (no semantic checks); {@code source} names it in messages. */
    public static PipelineDefinition parse(String yaml, String source) throws PipelineException {
        if (yaml.isBlank()) {
            throw new PipelineException(source + ": the pipeline file is empty");
        }
        try {
            PipelineDefinition def = YAML.readValue(yaml, PipelineDefinition.class);
            if (def == null) {
                throw new PipelineException(source + ": the pipeline file is empty");
            }
            return def;
        } catch (JsonProcessingException e) {
            throw new PipelineException(source + ":" + describe(e, keyLocations(yaml)));
        }
    }

    /**
     * Where each key of the document is ("gates[1].parent" -> line:column). Jackson reports the parser's position
     * when binding fails, which for records is after the whole mapping was buffered; the key's own position is
     * what a person editing the file needs.
     */
    static Map<String, String> keyLocations(String yaml) {
        Map<String, String> out = new HashMap<>();
        try (JsonParser p = YAML.getFactory().createParser(yaml)) {
            Deque<String> path = new ArrayDeque<>();
            Deque<int[]> index = new ArrayDeque<>();
            String pending = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME -> {
                        pending = p.currentName();
                        String key = join(path, pending);
                        JsonLocation l = p.currentTokenLocation();
                        out.putIfAbsent(key, l.getLineNr() + ":" + l.getColumnNr());
                    }
                    case START_OBJECT, START_ARRAY -> {
                        String seg = segment(path, index, pending);
                        path.push(seg);
                        index.push(new int[] {t == JsonToken.START_ARRAY ? 0 : -1});
                        pending = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.pop();
                        index.pop();
                        advance(index);
                    }
                    default -> {
                        if (pending == null) {
                            advance(index);
                        }
                        pending = null;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // A document Jackson cannot even tokenise already failed with its own location.
        }
        return out;
    }

    private static String segment(Deque<String> path, Deque<int[]> index, String pending) {
        if (pending != null) {
            return pending;
        }
        int[] i = index.peek();
        return i != null && i[0] >= 0 ? "[" + i[0] + "]" : "";
    }

    private static void advance(Deque<int[]> index) {
        int[] i = index.peek();
        if (i != null && i[0] >= 0) {
            i[0]++;
        }
    }

    private static String join(Deque<String> path, String last) {
        StringBuilder sb = new StringBuilder();
        java.util.Iterator<String> it = path.descendingIterator();
        while (it.hasNext()) {
            appendSegment(sb, it.next());
        }
        appendSegment(sb, last);
        return sb.toString();
    }

    private static void appendSegment(StringBuilder sb, String seg) {
        if (seg.isEmpty()) {
            return;
        }
        if (!seg.startsWith("[") && sb.length() > 0) {
            sb.append('.');
        }
        sb.append(seg);
    }

    /** "LINE:COLUMN: what is wrong at which key". */
    static String describe(JsonProcessingException e, Map<String, String> keys) {
        JsonLocation loc = e.getLocation();
        String path = e instanceof JsonMappingException jm ? path(jm) : "";
        String at = keys.get(path);
        String where = at != null ? at + ": " : loc == null ? " " : loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted(Comparator.naturalOrder()).collect(Collectors.joining(", "));
            return where + "unknown key '" + u.getPropertyName() + "'" + (path.isEmpty() ? "" : " in " + parentPath(path))
                    + (known.isEmpty() ? "" : " (known keys: " + known + ")");
        }
        if (e instanceof InvalidFormatException f) {
            return where + "'" + f.getValue() + "' is not a valid " + typeName(f.getTargetType()) + " for " + path;
        }
        if (e instanceof MismatchedInputException m) {
            return where + "wrong type for " + (path.isEmpty() ? "the document" : path) + ": expected "
                    + typeName(m.getTargetType());
        }
        return where + e.getOriginalMessage();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String parentPath(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "the top level" : path.substring(0, dot);
    }

    private static String typeName(Class<?> c) {
        if (c == null) {
            return "value";
        }
        if (c == Double.class || c == double.class) {
            return "number";
        }
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
            return "whole number";
        }
        if (c == Boolean.class || c == boolean.class) {
            return "true/false";
        }
        if (List.class.isAssignableFrom(c)) {
            return "list";
        }
        if (java.util.Map.class.isAssignableFrom(c) || c.isRecord()) {
            return "mapping (key: value)";
        }
        return c.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
