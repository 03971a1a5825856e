package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.fcs.Keywords;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;

/** How many files a run analyses at once for the heap it has, and the sizes that decides it from. */
class FilesInFlightTest {
    private static final long MB = 1L << 20;
    /** A file of 1,000,000 events x 16 parameters as float columns. */
    private static final long MILLION_BY_16 = 64_000_000L;

    @Test
    void aHeapThatHoldsOneLargestFileButNotTwoAnalysesOneAtATime() {
        // The measured edge: two such files ran in a 230 MB heap and failed in 200; one ran in 130.
        assertEquals(1, FilesInFlight.workers(2, 8, MILLION_BY_16, 189 * MB));
        assertEquals(2, FilesInFlight.workers(2, 8, MILLION_BY_16, 289 * MB));
        assertEquals(2, FilesInFlight.workers(8, 8, MILLION_BY_16, 289 * MB));
        assertEquals(48, FilesInFlight.workers(64, 100, MILLION_BY_16, 5358 * MB), "a default heap of 24 GB of RAM");
    }

    @Test
    void theThreadsAskedForAndTheFilesThereAreBoundItAndOneAlwaysRuns() {
        assertEquals(2, FilesInFlight.workers(2, 8, MILLION_BY_16, 5358 * MB));
        assertEquals(3, FilesInFlight.workers(8, 3, MILLION_BY_16, 5358 * MB));
        assertEquals(1, FilesInFlight.workers(4, 8, 10 * MILLION_BY_16, 189 * MB),
                "too large even alone: it still runs");
        assertEquals(4, FilesInFlight.workers(4, 8, 0, 189 * MB), "sizes unknown");
        assertEquals(4, FilesInFlight.workers(4, 8, MILLION_BY_16, Long.MAX_VALUE), "no heap limit");
        assertEquals(1, FilesInFlight.workers(4, 0, MILLION_BY_16, 5358 * MB));
    }

    @Test
    void aFilesDecodedSizeComesFromTotAndParOrElseItsLength() {
        Keywords k = new Keywords();
        k.set("$TOT", " 1000000 ");
        assertEquals(1_000_000, PanelCheck.totalEvents(k));
        assertEquals(MILLION_BY_16, PanelCheck.decodedBytes(1_000_000, 16, 16_000_000)); // 1 byte a value at least
        assertEquals(4000, PanelCheck.decodedBytes(1_000_000, 16, 1000), "a $TOT the file cannot hold: 4 bytes a byte");
        assertEquals(4000, PanelCheck.decodedBytes(Long.MAX_VALUE, 16, 1000), "no overflow");
        k.remove("$TOT"); // optional in FCS 2.0
        assertEquals(-1, PanelCheck.totalEvents(k));
        k.set("$TOT", "many");
        assertEquals(-1, PanelCheck.totalEvents(k));
        assertEquals(2000, PanelCheck.decodedBytes(-1, 16, 1000), "without $TOT: twice the file's size");
    }

    @Test
    void thePanelCheckReportsTheSizeOfEveryFileThatPassed(@TempDir Path tmp) throws Exception {
        new CohortSimulator(CohortConfig.defaults().withPatients(1).withEvents(3_000).withSeed(4)).write(tmp);
        Path broken = Files.writeString(tmp.resolve("broken.fcs"), "not FCS");
        List<Path> files = List.of(tmp.resolve("P01_V0.fcs"), tmp.resolve("P01_C1.fcs"), broken);
        PanelCheck.Report r = PanelCheck.check(files,
                CompiledPipeline.load(Path.of("pipelines", "ld-il2-treg-nk.yaml")), p -> p.getFileName().toString());
        Keywords text = org.tregflow.fcs.FcsReader.readText(files.get(0));
        long expected = 3_000L * Long.parseLong(text.value("$PAR")) * Float.BYTES;
        assertEquals(expected, r.decodedBytes().get(files.get(0)));
        assertEquals(expected, r.decodedBytes().get(files.get(1)));
        assertEquals(null, r.decodedBytes().get(broken), "a file that failed is not analysed");
    }
}
