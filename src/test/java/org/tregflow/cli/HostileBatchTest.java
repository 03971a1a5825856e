package org.tregflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A night's batch as instruments really deliver it: good files mixed with every kind of broken one. The good files
 * are measured, each bad one is a failed row with its own message, the exit code is 1, and the terminal shows no
 * stack trace (the log file has them).
 */
class HostileBatchTest {
    @TempDir
    Path tmp;

    @Test
    void goodFilesAreMeasuredAndEachBadOneIsReportedWithItsMessage() throws Exception {
        Path in = tmp.resolve("in");
        new CohortSimulator(CohortConfig.defaults().withPatients(2).withEvents(20_000).withSeed(77)).write(in);
        Path good = in.resolve("P01_V0.fcs");
        int par = Integer.parseInt(HostileFiles.keywordsLike(good, 200).get("$PAR"));

        // What each hostile file must say (a fragment of its error message), by file name.
        Map<String, String> expected = new LinkedHashMap<>();
        Files.write(in.resolve("empty.fcs"), new byte[0]);
        expected.put("empty.fcs", "0 bytes");
        Files.writeString(in.resolve("not_fcs.fcs"), "patient,visit,cd4\nP01,V0,1234\n".repeat(20));
        expected.put("not_fcs.fcs", "not an FCS file");
        Files.writeString(in.resolve("junk_header.fcs"), "FCS3.1    abcdefgh" + "x".repeat(200));
        expected.put("junk_header.fcs", "expected a number");
        Files.write(in.resolve("huge_tot.fcs"), HostileFiles.valid(HostileFiles.keywordsLike(good, 2_000_000_000L),
                HostileFiles.floats(par * 200)));
        expected.put("huge_tot.fcs", "$TOT");
        Files.write(in.resolve("offsets_past_end.fcs"), HostileFiles.dataset(HostileFiles.keywordsLike(good, 200),
                HostileFiles.floats(par * 200), 90_000_000L));
        expected.put("offsets_past_end.fcs", "the file has only");
        Files.write(in.resolve("truncated.fcs"), HostileFiles.truncated(good, 0.6));
        expected.put("truncated.fcs", "DATA");
        Map<String, String> q = HostileFiles.keywordsLike(good, 200);
        q.put("$DATATYPE", "Q");
        Files.write(in.resolve("datatype_q.fcs"), HostileFiles.valid(q, HostileFiles.floats(par * 200)));
        expected.put("datatype_q.fcs", "$DATATYPE");
        Files.write(in.resolve("par0.fcs"), HostileFiles.valid(HostileFiles.keywords(0, 4), new byte[0]));
        expected.put("par0.fcs", "$PAR");
        Files.write(in.resolve("nextdata_loop.fcs"), HostileFiles.nextDataLoop(HostileFiles.keywordsLike(good, 200)));
        expected.put("nextdata_loop.fcs", "$NEXTDATA");
        // FOXP3 relabelled (same length, offsets intact): the panel check fails them on TEXT alone. The first is
        // also cut mid-DATA: had its DATA been read, its error would be the truncation, not the marker.
        byte[] relabelled = HostileFiles.replaceSameLength(Files.readAllBytes(good), "FOXP3 AF647", "Ki-67 AF647");
        Files.write(in.resolve("no_foxp3_cut.fcs"), java.util.Arrays.copyOf(relabelled, relabelled.length * 2 / 3));
        expected.put("no_foxp3_cut.fcs", "no channel for marker FOXP3");
        Files.write(in.resolve("no_foxp3.fcs"), relabelled);
        expected.put("no_foxp3.fcs", "no channel for marker FOXP3");
        Path few = tmp.resolve("few");
        new CohortSimulator(CohortConfig.defaults().withPatients(1).withEvents(40).withSeed(5)).write(few);
        Files.copy(few.resolve("P01_V0.fcs"), in.resolve("few_events.fcs"));
        expected.put("few_events.fcs", "the file has only 40 events ($TOT); at least 100");

        // Sample sheet rows reaching outside the input folder: refused, and the outside file never read.
        Path outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        Files.copy(good, outside.resolve("escape.fcs"));
        Files.writeString(in.resolve("samples.csv"), Files.readString(in.resolve("samples.csv"))
                + "../outside/escape.fcs,P98,V0,IL-2,0,0\n" + outside.resolve("escape.fcs") + ",P99,V0,IL-2,0,0\n");

        Path out = tmp.resolve("out");
        CliRun o = CliRun.run("run", "--pipeline", "pipelines/ld-il2-treg-nk.yaml",
                "--out", out.toString(), "--threads", "2", in.toString());

        assertEquals(1, o.exit(), o.err());
        Table samples = Table.read().csv(CsvReadOptions.builder(out.resolve("samples.csv").toFile())
                .columnTypesToDetect(java.util.List.of(tech.tablesaw.api.ColumnType.STRING)).build());
        Map<String, String> status = new HashMap<>();
        Map<String, String> error = new HashMap<>();
        for (int i = 0; i < samples.rowCount(); i++) {
            String id = samples.stringColumn("sample_id").get(i);
            status.put(id, samples.stringColumn("status").get(i));
            error.put(id, samples.stringColumn("error").get(i));
        }
        assertEquals(8 + expected.size(), samples.rowCount(), samples.print());
        for (String p : new String[] {"P01", "P02"}) {
            for (String v : new String[] {"V0", "C1", "C4", "FU"}) {
                assertEquals("ok", status.get(p + "_" + v + ".fcs"), p + "_" + v + ": " + error.get(p + "_" + v + ".fcs"));
            }
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals("failed", status.get(e.getKey()), e.getKey());
            assertNotNull(error.get(e.getKey()), e.getKey());
            assertTrue(error.get(e.getKey()).contains(e.getValue()), e.getKey() + ": " + error.get(e.getKey()) + "\nall: " + error);
            assertFalse(error.get(e.getKey()).contains("internal error"), e.getKey() + ": " + error.get(e.getKey()));
        }
        assertFalse(status.containsKey("escape.fcs"), "a file outside the input folder was read");
        assertTrue(o.err().contains("../outside/escape.fcs is outside the input folders"), o.err());
        assertTrue(o.err().contains(outside.resolve("escape.fcs") + " is outside the input folders"), o.err());

        // The panel mismatch reported once for the batch, naming both files, up front and in the manifest.
        String panelLine = "panel check: 2 of " + (8 + expected.size())
                + " files have no channel for FOXP3 (not analysed): no_foxp3.fcs, no_foxp3_cut.fcs";
        assertTrue(o.err().contains(panelLine), o.err());
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertTrue(manifest.get("warnings").toString().contains(panelLine), manifest.get("warnings").toString());
        assertEquals(8, manifest.get("counts").get("ok").asInt());
        assertEquals(expected.size(), manifest.get("counts").get("failed").asInt());

        // One line per failure on the terminal, never a stack trace; the traces are in the log file.
        for (String name : expected.keySet()) {
            assertTrue(o.err().contains("failed: " + name + ": "), o.err());
        }
        assertFalse(o.err().contains("\tat "), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        String log = Files.readString(out.resolve("tregflow.log"));
        assertTrue(log.contains("\tat org.tregflow."), "the log keeps the full traces");
        assertFalse(Files.exists(out.resolve(".tregflow").resolve("lock")), "the lock is released");
    }
}
