package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.fcs.EventTable;
import org.tregflow.fcs.FcsReader;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;
import org.tregflow.stats.PopulationStats;
import org.tregflow.stats.SampleResult;

/** A fixed gate taken from a Gating-ML file, applied inside a data-driven parent. */
class GatingMlGateTest {
    @TempDir
    Path dir;

    private static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gating:Gating-ML xmlns:gating="http://www.isac-net.org/std/Gating-ML/v2.0/gating"
                xmlns:data-type="http://www.isac-net.org/std/Gating-ML/v2.0/datatypes">
              <gating:RectangleGate gating:id="LargeCells">
                <gating:dimension gating:compensation-ref="uncompensated" gating:min="70000">
                  <data-type:fcs-dimension data-type:name="FSC-A"/>
                </gating:dimension>
              </gating:RectangleGate>
              <gating:BooleanGate gating:id="NotLarge">
                <gating:not><gating:gateReference gating:ref="LargeCells"/></gating:not>
              </gating:BooleanGate>
            </gating:Gating-ML>
            """;

    private Path pipeline(String gateRef) throws Exception {
        Files.writeString(dir.resolve("gates.xml"), XML);
        Path p = dir.resolve("p.yaml");
        Files.writeString(p, Files.readString(Path.of("pipelines/ld-il2-treg-nk.yaml")).replace("statistics:", """
                  - name: Large singlets
                    parent: Singlets
                    gatingml: %s
                  - name: Large events
                    gatingml: %s

                statistics:""".formatted(gateRef, gateRef)));
        return p;
    }

    @Test
    void gatingMlRectangleInsideThePipelinesParent() throws Exception {
        Path cohort = dir.resolve("c");
        new CohortSimulator(CohortConfig.defaults().withPatients(1).withEvents(20_000).withSeed(3)
                .withOnly(List.of("P01_V0"))).write(cohort);
        RunResult r = Pipeline.run(new RunRequest(pipeline("gates.xml#LargeCells"), List.of(cohort.resolve("P01_V0.fcs")),
                null, null, null, null, 1, null));
        SampleResult s = r.samples().get(0);
        assertTrue(s.ok(), s.error());
        PopulationStats large = s.population("Large singlets");
        assertEquals("Singlets", large.parent());
        assertEquals("/Lymphocytes/Singlets/Large singlets", large.path());
        assertEquals(s.population("Singlets").count(), large.parentCount());
        // Independent count: singlets are those of the pipeline; count FSC-A >= 70000 among them directly.
        EventTable t = FcsReader.read(cohort.resolve("P01_V0.fcs")).first().events();
        float[] fsc = t.column("FSC-A");
        long largeAll = 0;
        for (int i = 0; i < t.eventCount(); i++) {
            largeAll += fsc[i] >= 70000 ? 1 : 0;
        }
        assertEquals(largeAll, s.population("Large events").count());
        assertEquals(t.eventCount(), s.population("Large events").parentCount());
        assertTrue(large.count() > 0 && large.count() < largeAll, large.count() + " of " + largeAll);
        assertEquals("gatingml", s.gates().stream().filter(g -> g.population().equals("Large singlets"))
                .findFirst().orElseThrow().method());
    }

    @Test
    void unknownOrNonGeometricGatesAreCheckedUpFront() throws Exception {
        PipelineException e = assertThrows(PipelineException.class, () -> PipelineLoader.load(pipeline("gates.xml#Nope")));
        assertTrue(e.getMessage().contains("gate 'Large singlets': gatingml: no gate 'Nope'"), e.getMessage());
        e = assertThrows(PipelineException.class, () -> PipelineLoader.load(pipeline("gates.xml#NotLarge")));
        assertTrue(e.getMessage().contains("only rectangle, polygon and ellipsoid"), e.getMessage());
        e = assertThrows(PipelineException.class, () -> PipelineLoader.load(pipeline("missing.xml#LargeCells")));
        assertTrue(e.getMessage().contains("no such Gating-ML file"), e.getMessage());
    }
}
