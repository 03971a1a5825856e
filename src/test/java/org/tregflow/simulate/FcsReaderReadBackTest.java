package org.tregflow.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.compensation.Compensator;
import org.tregflow.fcs.EventTable;
import org.tregflow.fcs.FcsDataset;
import org.tregflow.fcs.FcsFile;
import org.tregflow.fcs.FcsReader;
import org.tregflow.fcs.ReadOptions;
import org.tregflow.fcs.Stringency;

/** The project's own FCS reader, in strict mode, reads back what was simulated, spillover included. */
class FcsReaderReadBackTest {
    @TempDir
    Path tmp;

    @Test
    void strictReaderReturnsTheSimulatedEventsAndSpillover() throws Exception {
        CohortConfig cfg = CohortConfig.defaults().withPatients(1).withEvents(5_000).withSeed(99).withChannels(16)
                .withOnly(List.of("P01_C4"));
        new CohortSimulator(cfg).write(tmp);
        SimulatedSample s = new CohortSimulator(cfg).simulate(0, Visit.AFTER_CYCLE_4);

        FcsFile f = FcsReader.read(tmp.resolve("P01_C4.fcs"), new ReadOptions(Stringency.STRICT, false));
        assertEquals("FCS3.1", f.version());
        assertEquals(1, f.datasets().size());
        FcsDataset d = f.first();
        assertEquals(List.of(), d.warnings());
        assertEquals(Panel.spillover(), d.spillover());
        EventTable t = d.events();
        assertEquals(5_000, t.eventCount());
        assertEquals(s.events().names(), t.names());
        for (int c = 0; c < t.channelCount(); c++) {
            assertEquals(s.events().channel(c).marker(), t.channel(c).marker());
            assertEquals(262_144, t.channel(c).range());
            assertArrayEquals(s.events().column(c), t.column(c), t.channel(c).name());
        }
        assertEquals("P01", d.keywords().value("TREGFLOW_PATIENT"));

        // Scale values (the default) put Time in seconds via $TIMESTEP and leave the rest untouched.
        EventTable scaled = FcsReader.read(tmp.resolve("P01_C4.fcs")).first().events();
        int last = scaled.eventCount() - 1;
        assertEquals(s.events().column("Time")[last] * 0.01, scaled.column("Time")[last], 1e-3);
        assertArrayEquals(s.events().column("PE-A"), scaled.column("PE-A"));
    }

    @Test
    void theProjectsCompensatorUndoesTheSimulatedSpillover() throws Exception {
        SimulatedSample s = new CohortSimulator(CohortConfig.defaults().withPatients(1).withEvents(20_000))
                .simulate(0, Visit.AFTER_CYCLE_4);
        float[][] comp = Compensator.compensate(s.events(), s.spillover(), List.of("Alexa Fluor 700-A", "APC-A"));
        // Treg carry FOXP3 AF647 but no CD8: after compensation the AF700 (CD8) detector is back near zero.
        assertTrue(Math.abs(RealismTest.median(s, comp[0], EventCategory.TREG_CD25HI)) < 100);
        assertTrue(RealismTest.median(s, s.events().column("Alexa Fluor 700-A"), EventCategory.TREG_CD25HI) > 500);
        assertTrue(RealismTest.median(s, comp[1], EventCategory.TREG_CD25HI) > 2_000);
        assertTrue(RealismTest.median(s, comp[0], EventCategory.CD8_T) > 2_000);
    }
}
