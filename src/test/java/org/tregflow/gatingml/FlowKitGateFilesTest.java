package org.tregflow.gatingml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.tregflow.fcs.FcsDataset;
import org.tregflow.fcs.FcsReader;
import org.tregflow.gating.GateException;
import org.tregflow.gating.Population;
import org.junit.jupiter.api.TestFactory;

/** FlowKit's single-gate test files (gate_ref_gml) and other real-world exports all parse. */
class FlowKitGateFilesTest {
    static final Path DIR = Path.of("../shared/data/flowkit/gate_ref_gml");

    @TestFactory
    Stream<DynamicTest> everyFlowKitGateFileParses() throws IOException {
        assumeTrue(Files.isDirectory(DIR), "FlowKit gate files not found at " + DIR.toAbsolutePath() + ": skipping");
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            GatingMlDocument doc = GatingMlReader.read(f);
            assertFalse(doc.gates().gates().isEmpty(), f + " has no gate");
            // and it survives export: same gate ids after a write/read cycle
            GatingMlDocument again = GatingMlReader.read(GatingMlWriter.toXml(doc));
            assertEquals(doc.gates().populationIds(), again.gates().populationIds());
        }));
    }

    /** A FlowRepository export (ellipse on arcsinh x linear, and a boolean set of it) evaluated on its own file. */
    @Test
    void flowRepositoryExportEvaluatesOnItsFile() throws IOException {
        Path dir = Path.of("../shared/data/gatingml2-compliance/examples");
        assumeTrue(Files.isDirectory(dir), "Gating-ML examples not found at " + dir.toAbsolutePath() + ": skipping");
        GatingMlDocument doc = GatingMlReader.read(dir.resolve("GatingML2.0_Export_166889.xml"));
        FcsDataset data = FcsReader.read(dir.resolve("166889.fcs")).first();
        Map<String, Population> pops = doc.gates().evaluate(
                new GatingMlEventSource(data.events(), data.spillover(), doc.matrices()));
        Population ellipse = pops.get("Gate_1_UEUtQSBTU0MtQSBFMQ.._UEUtQQ.._U1NDLUE.");
        long n = ellipse.count();
        assertTrue(n > 0 && n < data.events().eventCount(), "ellipse holds " + n + " events");
        // the boolean gate set is an AND over that single ellipse
        assertEquals(ellipse, pops.get("GateSet_1_UEUtQQ.._U1NDLUE."));
    }

    /** A FlowJo 10 export: compensation by an "Acquisition-defined" matrix referenced with detector names. */
    @Test
    void flowJoExportParses() {
        Path f = Path.of("../shared/data/flowkit/8_color_data_set/8_color_ICS.xml");
        assumeTrue(Files.isRegularFile(f), f.toAbsolutePath() + " not found: skipping");
        GatingMlDocument doc = GatingMlReader.read(f);
        assertEquals(6, doc.gates().gates().size());
        assertEquals(List.of("Acquisition-defined"), List.copyOf(doc.matrices().keySet()));
        assertEquals("TimeGate", doc.gates().parentOf("Singlets"));
    }

    @Test
    void missingChannelNamesTheGate() throws IOException {
        Path dir = Path.of("../shared/data/gatingml2-compliance");
        assumeTrue(Files.isDirectory(dir), "compliance suite not found at " + dir.toAbsolutePath() + ": skipping");
        GatingMlDocument doc = GatingMlReader.read(dir.resolve("Gating-MLFiles/gates1.xml"));
        FcsDataset other = FcsReader.read(dir.resolve("FCSFiles/data2.fcs")).first(); // different channels
        GateException e = assertThrows(GateException.class, () -> doc.gates().evaluate(
                new GatingMlEventSource(other.events(), other.spillover(), doc.matrices())));
        assertTrue(e.getMessage().startsWith("gate Rectangle1: the data has no parameter 'FL1-H'"), e.getMessage());
    }
}
