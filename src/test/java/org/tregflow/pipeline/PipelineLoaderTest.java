package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineLoaderTest {
    @TempDir
    Path dir;

    private static final String VALID = """
            name: t
            panel:
              scatter: [FSC-A, SSC-A]
              markers: [CD3, CD4]
            gates:
              - name: T
                dimensions:
                  - {marker: CD3, method: density_valley, keep: positive}
              - name: CD4
                parent: T
                dimensions:
                  - {marker: CD4, min: 0.4}
            endpoint: {population: CD4, baseline_visit: V0, endpoint_visit: C4, threshold: 2.0}
            """;

    private PipelineException failing(String yaml) throws Exception {
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, yaml);
        return assertThrows(PipelineException.class, () -> PipelineLoader.load(f));
    }

    @Test
    void bundledPipelinesAreValid() throws Exception {
        for (String name : List.of("ld-il2-treg-nk.yaml", "ld-il2-treg-nk-fixed.yaml")) {
            PipelineDefinition def = PipelineLoader.load(Path.of("pipelines", name));
            assertEquals("CD25hi Treg", def.endpoint().population(), name);
            assertEquals(2.0, def.endpoint().threshold());
        }
    }

    /**
     * scripts/bench --real's pipeline loads and names its file's channels (the file is in ../shared/data, beside
     * the project in CI).
     */
    @Test
    void realDataBenchPipelineFitsItsFile() throws Exception {
        CompiledPipeline bench = CompiledPipeline.load(Path.of("src/test/resources/bench/aria-100715.yaml"));
        assertEquals(8, bench.gateOrder().size());
        Path file = Path.of("../shared/data/flowio/fcs_files/100715.fcs");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(file),
                "../shared/data is not beside the project: the bench pipeline's panel is not checked against its file");
        PanelResolution panel = bench.resolver().resolve(
                PanelResolver.channelsOf(org.tregflow.fcs.FcsReader.readText(file)));
        assertEquals("R780-A", panel.channel("CD3").name());
        assertEquals("V450-A", panel.channel("Viability").name(), "the VIVID / CD14 dump channel");
        assertEquals("G560-A", panel.channel("CD127").name());
        assertTrue(panel.missingOptional().isEmpty());
    }

    @Test
    void validPipelineParsesWithDefaults() throws Exception {
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, VALID);
        PipelineDefinition def = PipelineLoader.load(f);
        assertEquals(2, def.gates().size());
        assertEquals("rectangle", def.gates().get(0).method());
        assertEquals(GateDef.ROOT, def.gates().get(0).parent());
        assertEquals("file", def.compensation().source());
        assertEquals(0.4, def.gates().get(1).dimensions().get(0).min());
    }

    @Test
    void unknownKeyNamesLineColumnAndKey() throws Exception {
        PipelineException e = failing(VALID.replace("    parent: T", "    parnt: T"));
        String msg = e.getMessage();
        assertTrue(msg.contains("p.yaml:10:5:"), msg);
        assertTrue(msg.contains("unknown key 'parnt'"), msg);
        assertTrue(msg.contains("gates[1]"), msg);
    }

    @Test
    void wrongTypeNamesLineAndKey() throws Exception {
        String msg = failing(VALID.replace("threshold: 2.0", "threshold: two")).getMessage();
        assertTrue(msg.contains("p.yaml:13:"), msg);
        assertTrue(msg.contains("endpoint.threshold: expected number"), msg);
        String list = failing(VALID.replace("markers: [CD3, CD4]", "markers: 7")).getMessage();
        assertTrue(list.contains("p.yaml:4:") && list.contains("panel.markers"), list);
    }

    @Test
    void semanticProblemsNameTheGate() throws Exception {
        String yaml = VALID
                .replace("parent: T", "parent: Tcells")
                .replace("{marker: CD4, min: 0.4}", "{marker: CD5, min: 0.4}")
                .replace("keep: positive", "keep: sideways");
        List<String> problems = failing(yaml).problems();
        String all = String.join("\n", problems);
        assertTrue(all.contains("gate 'CD4': unknown parent 'Tcells'"), all);
        assertTrue(all.contains("gate 'CD4': unknown marker 'CD5'"), all);
        assertTrue(all.contains("gate 'T': keep must be positive or negative, not 'sideways'"), all);
    }

    @Test
    void duplicateNamesCyclesAndBadParameters() throws Exception {
        String dup = VALID.replace("- name: CD4", "- name: T");
        assertTrue(failing(dup).getMessage().contains("gate 'T': duplicate name"));

        String cycle = VALID.replace("- name: T\n", "- name: T\n    parent: CD4\n");
        assertTrue(failing(cycle).getMessage().contains("cycle"), failing(cycle).getMessage());

        String badQ = VALID.replace("method: density_valley, keep: positive", "method: quantile, q: 1.5, keep: positive");
        assertTrue(failing(badQ).getMessage().contains("gate 'T': quantile needs q between 0 and 1"));

        String badMethod = VALID.replace("  - name: CD4\n    parent: T\n    dimensions:\n      - {marker: CD4, min: 0.4}",
                "  - name: CD4\n    parent: T\n    method: blob\n    markers: [CD4, CD3]");
        assertTrue(failing(badMethod).getMessage().contains("gate 'CD4': unknown method 'blob'"));

        String noGates = VALID.substring(0, VALID.indexOf("gates:")) + "gates: []\n";
        assertTrue(failing(noGates).getMessage().contains("gates: none; a pipeline needs at least one gate"),
                failing(noGates).getMessage());
        String badEndpoint = VALID.replace("population: CD4", "population: NK");
        assertTrue(failing(badEndpoint).getMessage().contains("endpoint.population: 'NK' is not a gate"));
    }

    @Test
    void emptyAndMissingFiles() throws Exception {
        assertTrue(failing("").getMessage().contains("empty"));
        // A pipeline saved in Latin-1: refused with the line and the byte (Java alone said "Input length = 1").
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, VALID.replace("name: t", "name: t\ndescription: Café").getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1));
        PipelineException e1 = assertThrows(PipelineException.class, () -> PipelineLoader.load(latin1));
        assertEquals(latin1 + ":2: not UTF-8 text (byte 0xE9); save the pipeline file as UTF-8", e1.getMessage());
        PipelineException e = assertThrows(PipelineException.class, () -> PipelineLoader.load(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().contains("no such pipeline file"));
    }
}
