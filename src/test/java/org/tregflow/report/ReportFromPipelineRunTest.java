package org.tregflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.pipeline.Pipeline;
import org.tregflow.pipeline.RunRequest;

/**
 * The report written from the tables of a real run ({@link Pipeline#run} on the project's sample data), so the
 * report reads what the output writer actually writes, not only what its own fixtures write.
 */
class ReportFromPipelineRunTest {
    @TempDir
    Path out;

    @Test
    void reportReadsTheTablesOfARealRun() throws Exception {
        Path pipeline = Path.of("pipelines", "ld-il2-treg-nk.yaml");
        Path data = Path.of("sample-data");
        Assumptions.assumeTrue(Files.isRegularFile(pipeline) && Files.isDirectory(data),
                "pipelines/ld-il2-treg-nk.yaml or sample-data/ missing: run from the project root");
        Pipeline.run(new RunRequest(pipeline, List.of(data), null, null, null, out, 2, null));
        String html = Files.readString(CohortReport.write(out));

        CsvTable endpoint = CsvTable.readIfPresent(out.resolve("endpoint.csv"));
        CsvTable samples = CsvTable.readIfPresent(out.resolve("samples.csv"));
        long evaluable = 0;
        long met = 0;
        for (int i = 0; i < endpoint.size(); i++) {
            evaluable += endpoint.get(i, "met").isBlank() ? 0 : 1;
            met += CsvTable.isTrue(endpoint.get(i, "met")) ? 1 : 0;
        }
        assertTrue(evaluable > 0, "the sample cohort has evaluable patients");
        Matcher bars = Pattern.compile("<rect [^>]*><title>[^<]*×, (met|not met)</title>").matcher(html);
        long barCount = 0;
        while (bars.find()) {
            barCount++;
        }
        assertEquals(evaluable, barCount, "one waterfall bar per evaluable patient of endpoint.csv");
        assertEquals(met, count(html, "<span class=\"badge good\">met</span>"));
        assertTrue(html.contains(samples.size() + " <small>of " + samples.size() + "</small>"), "all files ok");
        // cohort.csv's statistics appear, with the p-values formatted for reading.
        assertTrue(html.contains("wilcoxon signed rank") && html.contains("mann whitney u"), "cohort tests listed");
        // The per-arm summary pivots cohort.csv: IL-2's proportion met with its Clopper-Pearson interval.
        CsvTable cohort = CsvTable.readIfPresent(out.resolve("cohort.csv"));
        for (int i = 0; i < cohort.size(); i++) {
            if (cohort.get(i, "measure").equals("proportion_met") && cohort.get(i, "scope").equals("arm")) {
                String expected = String.format(java.util.Locale.ROOT, "%.0f%% <span class=\"muted\">(%.0f–%.0f%%)",
                        100 * cohort.number(i, "value"), 100 * cohort.number(i, "ci_low"),
                        100 * cohort.number(i, "ci_high"));
                assertTrue(html.contains(expected), "proportion met of " + cohort.get(i, "arm") + ": " + expected);
            }
        }
        assertTrue(html.contains("tregflow " + Files.readString(out.resolve("manifest.json"))
                .replaceAll("(?s).*\"tool_version\"\\s*:\\s*\"([^\"]*)\".*", "$1")), "tool version from manifest");
        assertTrue(html.contains("class=\"chart-title\">CD25hi Treg<"), "endpoint population's trajectories");
        assertFalse(html.contains("NaN") || html.contains("Infinity"), "no raw non-numbers on the page");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
