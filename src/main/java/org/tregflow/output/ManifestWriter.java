package org.tregflow.output;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.tregflow.stats.EndpointSpec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes {@code manifest.json}. The tree is built field by field (snake_case, stable order) rather than by
 * binding the record, so that renaming a Java accessor can never silently change the file's keys.
 */
final class ManifestWriter {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ManifestWriter() {
    }

    static void write(RunManifest m, EndpointSpec spec, List<StagedFiles.Written> outputs, OutputStream out)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("tool", "tregflow");
        root.put("tool_version", m.toolVersion());
        ObjectNode pipeline = root.putObject("pipeline");
        pipeline.put("path", m.pipeline());
        pipeline.put("sha256", m.pipelineSha256());
        root.put("started", iso(m.started()));
        root.put("finished", iso(m.finished()));
        ObjectNode counts = root.putObject("counts");
        counts.put("inputs", m.inputs().size());
        counts.put("ok", m.okCount());
        counts.put("failed", m.failedCount());
        if (m.batch() != null) {
            // processed + reused = inputs; a resumed run over unchanged inputs shows processed 0
            long reused = m.inputs().stream().filter(i -> m.batch().reused().contains(i.sampleId())).count();
            counts.put("processed", m.inputs().size() - reused);
            counts.put("reused", reused);
            ObjectNode b = root.putObject("results_store");
            b.put("run_key", m.batch().runKey());
            b.put("resume", m.batch().resume());
            root.put("sheets", m.batch().sheets());
        }
        ArrayNode inputs = root.putArray("inputs");
        for (RunManifest.Input in : m.inputs()) {
            ObjectNode node = inputs.addObject();
            node.put("sample_id", in.sampleId());
            node.put("path", in.path());
            node.put("size", in.size());
            node.put("sha256", in.sha256());
            node.put("status", in.status());
            if (m.batch() != null) {
                node.put("reused", m.batch().reused().contains(in.sampleId()));
                // true: the file was not read, its hash is the one recorded when it was last hashed (--resume)
                node.put("sha256_recorded", m.batch().hashesRecorded().contains(in.sampleId()));
            }
            Map<String, Long> timings = m.timingsMs().get(in.sampleId());
            if (timings != null) {
                ObjectNode t = node.putObject("timings_ms");
                timings.forEach(t::put);
            }
        }
        ArrayNode warnings = root.putArray("warnings");
        m.warnings().forEach(warnings::add);
        if (spec != null) {
            ObjectNode e = root.putObject("endpoint");
            e.put("population", spec.population());
            e.put("statistic", spec.statistic());
            e.put("baseline_visit", spec.baselineVisit());
            e.put("endpoint_visit", spec.endpointVisit());
            e.put("threshold", spec.threshold());
            e.put("min_parent_events", spec.minParentEvents());
        }
        ArrayNode files = root.putArray("outputs");
        for (StagedFiles.Written w : outputs) {
            ObjectNode f = files.addObject();
            f.put("file", w.name());
            f.put("size", w.size());
            f.put("sha256", w.sha256());
        }
        JSON.writeValue(out, root);
    }

    /** ISO-8601 in UTC to the millisecond, e.g. 2026-11-22T06:03:57.123Z (nanoseconds are clock noise). */
    private static String iso(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }
}
