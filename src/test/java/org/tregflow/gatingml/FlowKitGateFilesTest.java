package org.tregflow.gatingml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
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
}
