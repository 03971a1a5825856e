package org.tregflow.pipeline;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tregflow.io.Utf8Text;
import org.tregflow.stats.SampleInfo;

/**
 * The sample sheet: a CSV with at least {@code file,patient,visit} and optionally {@code arm}, {@code visit_order},
 * {@code day}, {@code week}; separated by commas, or by semicolons (a spreadsheet's "CSV" where the decimal mark is a
 * comma) or tabs, as its header shows. File paths are resolved against the sheet's folder and may not escape the run's
 * input folders (a sheet must not make the run read arbitrary files).
 *
 * @param entries  absolute normalised path to the sample's metadata
 * @param problems rows that could not be used, each with its line number
 */
public record SampleSheet(Path source, Map<Path, SampleInfo> entries, List<String> problems) {
    private static final List<String> REQUIRED = List.of("file", "patient", "visit");
    /** Tried in this order on the header: the first that gives the required columns separates every line. */
    private static final char[] SEPARATORS = {',', ';', '\t'};

    public SampleSheet {
        // In the sheet's order: Map.copyOf iterates in an order that changes from one JVM to the next, and with it
        // the order of the report's and the manifest's warnings about rows whose file is not among the inputs.
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        problems = List.copyOf(problems);
    }

    public static SampleSheet read(Path csv, List<Path> allowedFolders) throws IOException {
        return of(Utf8Text.read(csv, "save the sample sheet as UTF-8 (in Excel: Save As, \"CSV UTF-8"
                + " (Comma delimited)\")"), csv, allowedFolders);
    }

    /** The sheet of {@code text}, as if read from {@code csv}: its folder resolves the rows' file names. */
    static SampleSheet of(String text, Path csv, List<Path> allowedFolders) throws IOException {
        List<String> lines = text.lines().toList();
        Map<Path, SampleInfo> entries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (lines.isEmpty()) {
            throw new IOException(csv + ": the sample sheet is empty");
        }
        String headerLine = stripBom(lines.get(0));
        char separator = separatorOf(headerLine);
        List<String> header = parse(headerLine, separator);
        Map<String, Integer> col = columns(header);
        for (String required : REQUIRED) {
            if (!col.containsKey(required)) {
                throw new IOException(csv + ": the sample sheet has no '" + required + "' column (header: "
                        + String.join(",", header) + ")");
            }
        }
        Path base = csv.toAbsolutePath().normalize().getParent();
        for (int ln = 1; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = parse(line, separator);
            String file = cell(cells, col, "file");
            if (file == null) {
                problems.add(csv + ":" + (ln + 1) + ": no file name");
                continue;
            }
            Path p;
            try {
                p = base.resolve(file).normalize();
            } catch (InvalidPathException e) {
                problems.add(csv + ":" + (ln + 1) + ": '" + file + "' is not a file name here (" + e.getReason()
                        + "); ignored");
                continue;
            }
            if (!allowedFolders.isEmpty() && allowedFolders.stream().noneMatch(p::startsWith)) {
                problems.add(csv + ":" + (ln + 1) + ": " + file + " is outside the input folders; ignored");
                continue;
            }
            try {
                SampleInfo info = new SampleInfo(cell(cells, col, "patient"), cell(cells, col, "visit"),
                        cell(cells, col, "arm"), number(cells, col, "visit_order", csv, ln),
                        dayOf(cells, col, csv, ln));
                if (entries.put(p, info) != null) {
                    problems.add(csv + ":" + (ln + 1) + ": " + file + " is listed twice; the last row wins");
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return new SampleSheet(csv, entries, problems);
    }

    /**
     * This sheet with each row's file matched to the run's inputs: a row naming no input exactly takes the one input
     * whose path differs from it only in case or in Unicode form, if there is exactly one (a sheet typed on Windows,
     * files on a Linux share; macOS, whose file system ignores case where Java's paths do not and keeps accented
     * names decomposed where a typed sheet has them composed), with a note among the problems.
     */
    SampleSheet matchedTo(List<Path> inputs) {
        Set<Path> exact = new HashSet<>(inputs);
        Map<String, List<Path>> byLoose = new HashMap<>();
        for (Path p : inputs) {
            byLoose.computeIfAbsent(loose(p), k -> new ArrayList<>()).add(p);
        }
        Map<Path, SampleInfo> matched = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>(problems);
        for (Map.Entry<Path, SampleInfo> e : entries.entrySet()) {
            Path row = e.getKey();
            List<Path> same = exact.contains(row) ? null : byLoose.get(loose(row));
            if (same != null && same.size() == 1 && !entries.containsKey(same.get(0))
                    && !matched.containsKey(same.get(0))) {
                matched.put(same.get(0), e.getValue());
                notes.add("sample sheet " + source + " lists " + row + ": taken as " + same.get(0)
                        + " (the names differ only in case or Unicode form)");
            } else {
                matched.putIfAbsent(row, e.getValue());
            }
        }
        return new SampleSheet(source, matched, notes);
    }

    /** A path as {@link #matchedTo} compares it: composed Unicode (NFC), lower case. */
    private static String loose(Path p) {
        return Normalizer.normalize(p.toString(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Sheet rows whose file is not among the inputs, for the report. */
    public List<String> absent(List<Path> inputs) {
        List<String> out = new ArrayList<>();
        for (Path p : entries.keySet()) {
            if (!inputs.contains(p)) {
                out.add("sample sheet " + source + " lists " + p + ", which is not among the inputs");
            }
        }
        return out;
    }

    private static Double dayOf(List<String> cells, Map<String, Integer> col, Path csv, int ln) {
        Double day = number(cells, col, "day", csv, ln);
        if (day != null) {
            return day;
        }
        Double week = number(cells, col, "week", csv, ln);
        return week == null ? null : week * 7;
    }

    private static String cell(List<String> cells, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        if (i == null || i >= cells.size()) {
            return null;
        }
        String v = cells.get(i).trim();
        return v.isEmpty() ? null : v;
    }

    private static Double number(List<String> cells, Map<String, Integer> col, String name, Path csv, int ln) {
        String v = cell(cells, col, name);
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(csv + ":" + (ln + 1) + ": " + name + " '" + v + "' is not a number");
        }
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /**
     * Commas, or what a spreadsheet set to a language with a decimal comma writes, semicolons, or tabs: the first that
     * splits the header into the required columns (commas when none does, for the error message).
     */
    private static char separatorOf(String headerLine) {
        for (char candidate : SEPARATORS) {
            if (columns(parse(headerLine, candidate)).keySet().containsAll(REQUIRED)) {
                return candidate;
            }
        }
        return ',';
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        return col;
    }

    /** One line of cells between {@code separator}s, with CSV quoting ("a ""quoted"", comma" is one cell). */
    static List<String> parse(String line, char separator) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
