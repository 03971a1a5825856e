package org.tregflow.gatingml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tregflow.fcs.FcsDataset;
import org.tregflow.gating.Population;

/** Export then re-import every compliance gate file: the same populations, event by event. */
class RoundTripTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "gates{0}.xml")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void exportedFileGivesIdenticalMembership(int set) throws IOException {
        Compliance.assumePresent();
        GatingMlDocument original = GatingMlReader.read(Compliance.gates(set));
        Path exported = tmp.resolve("gates" + set + "-export.xml");
        GatingMlWriter.write(exported, original);
        GatingMlDocument again = GatingMlReader.read(exported);

        assertEquals(original.gates().populationIds(), again.gates().populationIds());
        FcsDataset data = Compliance.data(set);
        Map<String, Population> a = Compliance.evaluate(original, data);
        Map<String, Population> b = Compliance.evaluate(again, data);
        assertEquals(a.keySet(), b.keySet());
        for (String id : a.keySet()) {
            assertEquals(a.get(id), b.get(id), "gates" + set + " " + id + " after export and import");
        }
        // The export is a fixed point: writing the re-imported document gives the same text.
        assertEquals(Files.readString(exported), GatingMlWriter.toXml(again));
        assertTrue(Files.list(tmp).noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left behind");
    }
}
