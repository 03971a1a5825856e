package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.output.Hashing;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;
import org.tregflow.stats.SampleResult;

/** What --resume reuses and what it does not: changed content, a changed pipeline, and a corrected sheet. */
class ResumeTest {
    @TempDir
    Path tmp;

    private static JsonNode counts(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("counts");
    }

    private static RunResult run(Path pipeline, Path in, Path out, boolean resume) throws Exception {
        return Pipeline.run(new RunRequest(pipeline, List.of(in), null, null, null, out, 2, null, resume, null));
    }

    @Test
    void onlyChangedContentOrPipelineIsAnalysedAgainAndTheSheetAlwaysApplies() throws Exception {
        Path all = tmp.resolve("all");
        new CohortSimulator(CohortConfig.defaults().withPatients(2).withEvents(15_000).withSeed(8)).write(all);
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        for (String v : List.of("V0", "C1", "C4", "FU")) {
            Files.copy(all.resolve("P01_" + v + ".fcs"), in.resolve("P01_" + v + ".fcs"));
        }
        Files.writeString(in.resolve("samples.csv"), "file,patient,visit,arm\n"
                + "P01_V0.fcs,P01,V0,IL-2\nP01_C1.fcs,P01,C1,IL-2\nP01_C4.fcs,P01,C4,IL-2\nP01_FU.fcs,P01,FU,IL-2\n");
        Path pipeline = tmp.resolve("p.yaml");
        Files.copy(Path.of("pipelines", "ld-il2-treg-nk.yaml"), pipeline);
        Path out = tmp.resolve("out");

        RunResult first = run(pipeline, in, out, false);
        assertEquals(4, first.okCount());
        assertEquals(4, counts(out).get("processed").asInt(), "without --resume every file is analysed");

        // One file's content changes (re-acquired); the sheet gains the study days.
        Files.copy(all.resolve("P02_C4.fcs"), in.resolve("P01_C4.fcs"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(in.resolve("samples.csv"), "file,patient,visit,arm,day\n"
                + "P01_V0.fcs,P01,V0,IL-2,0\nP01_C1.fcs,P01,C1,IL-2,8\nP01_C4.fcs,P01,C4,IL-2,57\nP01_FU.fcs,P01,FU,IL-2,120\n");
        RunResult second = run(pipeline, in, out, true);
        JsonNode c = counts(out);
        assertEquals(1, c.get("processed").asInt(), c.toString());
        assertEquals(3, c.get("reused").asInt(), c.toString());
        for (SampleResult r : second.samples()) {
            assertTrue(r.info().day() != null, r.sampleId() + ": the sheet of this run applies to reused results");
        }
        assertEquals(120.0, second.samples().stream().filter(r -> r.sampleId().equals("P01_FU.fcs")).findFirst()
                .orElseThrow().info().day());
        SampleResult c4 = second.samples().stream().filter(r -> r.sampleId().equals("P01_C4.fcs")).findFirst().orElseThrow();
        assertEquals(Hashing.sha256(all.resolve("P02_C4.fcs")), c4.sha256());
        // The re-analysed file gives what a full analysis of that content gives.
        RunResult reference = Pipeline.run(new RunRequest(pipeline, List.of(all.resolve("P02_C4.fcs")), null, null, null,
                null, 1, null));
        assertEquals(reference.samples().get(0).populations(), c4.populations());
        SampleResult v0 = second.samples().stream().filter(r -> r.sampleId().equals("P01_V0.fcs")).findFirst().orElseThrow();
        SampleResult v0first = first.samples().stream().filter(r -> r.sampleId().equals("P01_V0.fcs")).findFirst().orElseThrow();
        assertEquals(v0first.populations(), v0.populations(), "a reused result is the stored one");

        // A corrected arm changes what the gating sheets say: they are redrawn, which needs the events.
        Files.writeString(in.resolve("samples.csv"), Files.readString(in.resolve("samples.csv")).replace("IL-2", "placebo"));
        RunResult third = run(pipeline, in, out, true);
        c = counts(out);
        assertEquals(4, c.get("processed").asInt(), c.toString());
        for (SampleResult r : third.samples()) {
            assertEquals("placebo", r.info().arm(), r.sampleId());
        }
        run(pipeline, in, out, true);
        assertEquals(4, counts(out).get("reused").asInt(), "redrawn sheets are reused from then on");

        // Any change to the pipeline file (even a comment) means every file is analysed again.
        Files.writeString(pipeline, Files.readString(pipeline) + "\n# tuned tonight\n");
        run(pipeline, in, out, true);
        c = counts(out);
        assertEquals(4, c.get("processed").asInt(), c.toString());
        assertEquals(0, c.get("reused").asInt(), c.toString());
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertTrue(manifest.get("inputs").get(0).has("timings_ms"), "analysed files carry their timings");
        assertEquals(false, manifest.get("inputs").get(0).get("reused").asBoolean());
    }

    /**
     * A resumed run takes the hashes of files unchanged on disk from the record an earlier run left (the files are
     * not read), and a file rewritten in place with its size and modification time kept is still found out.
     */
    @Test
    void aResumedRunReadsOnlyTheFilesThatChangedOnDisk() throws Exception {
        Path in = tmp.resolve("in");
        new CohortSimulator(CohortConfig.defaults().withPatients(1).withEvents(15_000).withSeed(11)).write(in);
        Path other = tmp.resolve("other");
        new CohortSimulator(CohortConfig.defaults().withPatients(1).withEvents(15_000).withSeed(12)).write(other);
        Path pipeline = Path.of("pipelines", "ld-il2-treg-nk.yaml");
        Path out = tmp.resolve("out");
        // Files written less than InputHashes.RACY_SECONDS before they are hashed are not recorded.
        Thread.sleep(java.util.concurrent.TimeUnit.SECONDS.toMillis(InputHashes.RACY_SECONDS) + 200);
        run(pipeline, in, out, false);
        JsonNode first = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        for (JsonNode i : first.get("inputs")) {
            assertEquals(false, i.get("sha256_recorded").asBoolean(), "a run without --resume reads every file");
        }

        // P01_C4 re-exported over itself: another content of the same size, its modification time put back.
        Path c4 = in.resolve("P01_C4.fcs");
        byte[] replacement = Files.readAllBytes(other.resolve("P01_C4.fcs"));
        assertEquals(Files.size(c4), replacement.length, "the simulator writes files of one size");
        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(c4);
        Files.write(c4, replacement);
        Files.setLastModifiedTime(c4, modified);

        RunResult resumed = run(pipeline, in, out, true);
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        int recorded = 0;
        for (JsonNode i : manifest.get("inputs")) {
            boolean isC4 = i.get("sample_id").asText().equals("P01_C4.fcs");
            assertEquals(!isC4, i.get("sha256_recorded").asBoolean(), i.toString());
            assertEquals(!isC4, i.get("reused").asBoolean(), i.toString());
            recorded += i.get("sha256_recorded").asBoolean() ? 1 : 0;
        }
        assertEquals(3, recorded);
        SampleResult now = resumed.samples().stream().filter(r -> r.sampleId().equals("P01_C4.fcs")).findFirst()
                .orElseThrow();
        assertEquals(Hashing.sha256(c4), now.sha256());
        RunResult reference = Pipeline.run(new RunRequest(pipeline, List.of(other.resolve("P01_C4.fcs")), null, null,
                null, null, 1, null));
        assertEquals(reference.samples().get(0).populations(), now.populations(), "the new content was analysed");
        for (SampleResult r : resumed.samples()) {
            assertEquals(Hashing.sha256(in.resolve(r.sampleId())), r.sha256(), r.sampleId());
        }
    }
}
