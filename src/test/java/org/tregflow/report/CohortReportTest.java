package org.tregflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortReportTest {
    @TempDir
    static Path shared;
    static OutputFolder folder;
    static String html;

    @BeforeAll
    static void buildRun() throws IOException {
        folder = OutputFolder.build(shared.resolve("out"), 6, 4_000);
        html = Files.readString(CohortReport.write(folder.dir));
    }

    private static List<String> attributes(String text, String name) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\b" + name + "\\s*=\\s*([\"'])(.*?)\\1", Pattern.CASE_INSENSITIVE
                | Pattern.DOTALL).matcher(text);
        while (m.find()) {
            out.add(m.group(2));
        }
        return out;
    }

    @Test
    void everyReferencedFileExistsAndNothingIsOnTheNetwork() {
        List<String> refs = new ArrayList<>(attributes(html, "href"));
        refs.addAll(attributes(html, "src"));
        refs.addAll(attributes(html, "xlink:href"));
        assertFalse(refs.isEmpty(), "the report links its gating sheets");
        for (String ref : refs) {
            String r = ref.strip().toLowerCase(Locale.ROOT);
            assertFalse(r.startsWith("http:") || r.startsWith("https:") || r.startsWith("//") || r.startsWith("ftp:"),
                    "network reference " + ref);
            if (r.startsWith("#") || r.startsWith("data:")) {
                continue;
            }
            String path = ref.replaceAll("[#?].*$", "");
            assertTrue(Files.isRegularFile(folder.dir.resolve(path)), "referenced file missing: " + ref);
        }
        // No other way to fetch: scripts, stylesheets, fonts, CSS imports or url(...) pointing anywhere.
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), "no script");
        assertFalse(lower.contains("<link"), "no external stylesheet");
        assertFalse(lower.contains("@import") || lower.contains("@font-face") || lower.contains("url("),
                "no CSS fetch");
        assertFalse(Pattern.compile("https?://").matcher(lower).find(), "no URL anywhere in the page");
    }

    @Test
    void everyProcessedSampleHasItsSheetLinked() throws IOException {
        CsvTable samples = CsvTable.readIfPresent(folder.dir.resolve("samples.csv"));
        int ok = 0;
        for (int i = 0; i < samples.size(); i++) {
            String stem = GatingSheet.fileStem(samples.get(i, "sample_id"));
            String link = "href=\"sheets/" + stem + ".svg\"";
            if (samples.get(i, "status").equals("ok")) {
                ok++;
                assertTrue(html.contains(link), "link to the sheet of " + samples.get(i, "sample_id"));
                assertTrue(Files.isRegularFile(folder.dir.resolve("sheets").resolve(stem + ".svg")));
                assertTrue(Files.isRegularFile(folder.dir.resolve("sheets").resolve(stem + ".png")));
            } else {
                assertFalse(html.contains(link), "no sheet link for a failed file");
            }
        }
        assertEquals(23, ok, "6 patients x 4 visits, one file failed");
        assertEquals(folder.okSamples.size(), ok);
    }

    @Test
    void summaryNamesFailedFilesWarningsAndThePipeline() {
        assertTrue(html.contains("P06_FU.fcs</code>: FCS file in/P06_FU.fcs: DATA segment ends at byte 1203344"),
                "failed file with its error");
        assertTrue(html.contains("HEADER and TEXT disagree on the DATA offset"), "per-sample warning");
        assertTrue(html.contains("names a file that is not among the inputs"), "run warning from the manifest");
        assertTrue(html.contains("pipelines/ld-il2-treg-nk.yaml") && html.contains("tregflow 0.1.0-test"));
        assertTrue(html.contains("23 <small>of 24</small>"), "files processed");
        assertTrue(html.contains("<a href=\"visits.csv\">CSV</a>") && html.contains("<a href=\"manifest.json\">"),
                "links to the tables present");
        assertFalse(html.contains("visits.arrow"), "no link to a table that is not there");
    }

    @Test
    void waterfallBarsMatchTheEndpointTable() throws IOException {
        CsvTable endpoint = CsvTable.readIfPresent(folder.dir.resolve("endpoint.csv"));
        Matcher m = Pattern.compile("<rect [^>]*fill=\"(#[0-9A-F]{6})\"[^>]*><title>([^<]*): ([0-9.]+)×, (met|not met)"
                + "</title>").matcher(html);
        List<Double> folds = new ArrayList<>();
        Set<String> placeboFill = new LinkedHashSet<>();
        Set<String> il2Fill = new LinkedHashSet<>();
        int met = 0;
        while (m.find()) {
            folds.add(Double.parseDouble(m.group(3)));
            (m.group(2).contains("placebo") ? placeboFill : il2Fill).add(m.group(1));
            met += m.group(4).equals("met") ? 1 : 0;
        }
        int evaluable = 0;
        int metInTable = 0;
        for (int i = 0; i < endpoint.size(); i++) {
            if (!endpoint.get(i, "met").isBlank()) {
                evaluable++;
                metInTable += CsvTable.isTrue(endpoint.get(i, "met")) ? 1 : 0;
            }
        }
        assertEquals(evaluable, folds.size(), "one bar per evaluable patient");
        assertEquals(metInTable, met);
        for (int i = 1; i < folds.size(); i++) {
            assertTrue(folds.get(i) <= folds.get(i - 1), "bars sorted by fold change: " + folds);
        }
        assertEquals(Set.of(ArmColours.CONTROL), placeboFill, "placebo is grey everywhere");
        assertEquals(1, il2Fill.size(), "one colour per arm");
        assertFalse(il2Fill.contains(ArmColours.CONTROL));
        assertTrue(html.contains(">2-fold threshold<"), "threshold line labelled from the endpoint table");
        // The per-patient table shows every patient's result.
        assertEquals(metInTable, count(html, "<span class=\"badge good\">met</span>"));
    }

    @Test
    void trajectoriesDefaultToTheReadoutsPresent() {
        int first = html.indexOf("id=\"trajectories\"");
        assertTrue(first > 0);
        String section = html.substring(first, html.indexOf("</section>", first));
        List<String> titles = new ArrayList<>();
        Matcher m = Pattern.compile("class=\"chart-title\">([^<]*)<").matcher(section);
        while (m.find()) {
            titles.add(m.group(1));
        }
        assertEquals("CD25hi Treg", titles.get(0), "the endpoint population first");
        assertTrue(titles.containsAll(List.of("Treg", "NK cells", "CD56bright", "CD56dim")), titles.toString());
        assertEquals(OutputFolder.POPULATIONS.size(), titles.size());
        assertTrue(section.contains("% of Treg"), "y axis names the parent (from populations.csv)");
        // One line per patient plus one median per arm in each chart.
        int polylines = count(section.substring(0, section.indexOf("</figure>")), "<polyline");
        assertEquals(6 + 2, polylines);
    }

    @Test
    void configuredPopulationsAndMissingOptionalTables() throws IOException {
        Path dir = shared.resolve("partial");
        Files.createDirectories(dir);
        for (String t : List.of("samples.csv", "visits.csv", "endpoint.csv")) {
            Files.copy(folder.dir.resolve(t), dir.resolve(t));
        }
        String page = Files.readString(CohortReport.write(dir, new CohortReport.Options("SLE low-dose IL-2",
                List.of("Treg", "not a population"))));
        assertTrue(page.contains("<h1>SLE low-dose IL-2</h1>"));
        assertEquals(1, count(page, "class=\"chart-title\""), "only the configured population that exists");
        assertTrue(page.contains("not written"), "ok samples without a sheet are flagged, not linked");
        assertFalse(page.contains("href=\"sheets/"));
        assertThrows(ReportException.class, () -> CohortReport.write(shared.resolve("nowhere")));
        Path empty = shared.resolve("empty");
        Files.createDirectories(empty);
        ReportException e = assertThrows(ReportException.class, () -> CohortReport.write(empty));
        assertTrue(e.getMessage().contains("samples.csv"), e.getMessage());
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
