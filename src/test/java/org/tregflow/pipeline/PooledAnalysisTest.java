package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;

/**
 * A batch worker analyses file after file in the same lent arrays (ColumnPool): each file's results must be those
 * of a fresh analysis, whatever the files before it left in the arrays, larger files or smaller.
 */
class PooledAnalysisTest {
    @Test
    void filesAnalysedInLentArraysGiveTheResultsOfFreshOnes(@TempDir Path dir) throws Exception {
        Path large = dir.resolve("large");
        Path small = dir.resolve("small");
        new CohortSimulator(CohortConfig.defaults().withPatients(1).withEvents(30_000).withOnly(List.of("P01_V0")))
                .write(large);
        new CohortSimulator(CohortConfig.defaults().withPatients(1).withEvents(12_000).withSeed(7)
                .withOnly(List.of("P01_C4"))).write(small);
        Path a = large.resolve("P01_V0.fcs");
        Path b = small.resolve("P01_C4.fcs");
        SampleAnalyzer analyzer = new SampleAnalyzer(CompiledPipeline.load(Path.of("pipelines", "ld-il2-treg-nk.yaml")));
        ColumnPool pool = new ColumnPool();
        for (Path file : List.of(b, a, b, a, b)) {
            SampleAnalyzer.Analysis fresh = analyzer.analyze(file);
            SampleAnalyzer.Analysis pooled = analyzer.analyze(file, pool);
            assertEquals(fresh.populations(), pooled.populations(), file.toString());
            assertEquals(fresh.gates(), pooled.gates(), file.toString());
            pool.release();
        }
        // Both files' columns came from the same arrays: the pool holds one file's worth, not one per file.
        int held = pool.held();
        analyzer.analyze(a, pool);
        pool.release();
        assertEquals(held, pool.held());
        assertTrue(held > 0);
    }

    /**
     * Compensating into the stored columns, with boundary events read again from the file, gives every population,
     * median and gate of keeping the stored columns (the route of data whose events cannot be read again), and
     * holds fewer lent columns.
     */
    @Test
    void columnsCompensatedWhereTheyLieGiveTheResultsOfCopies(@TempDir Path dir) throws Exception {
        new CohortSimulator(CohortConfig.defaults().withPatients(2).withEvents(40_000).withSeed(11)).write(dir);
        CompiledPipeline pipeline = CompiledPipeline.load(Path.of("pipelines", "ld-il2-treg-nk.yaml"));
        SampleAnalyzer inPlace = new SampleAnalyzer(pipeline);
        SampleAnalyzer copies = new SampleAnalyzer(pipeline, false, true);
        ColumnPool few = new ColumnPool();
        ColumnPool more = new ColumnPool();
        int files = 0;
        for (Path file : java.nio.file.Files.newDirectoryStream(dir, "*.fcs")) {
            SampleAnalyzer.Analysis a = inPlace.analyze(file, few);
            SampleAnalyzer.Analysis b = copies.analyze(file, more);
            assertEquals(b.populations(), a.populations(), file.toString());
            assertEquals(b.gates(), a.gates(), file.toString());
            few.release();
            more.release();
            files++;
        }
        assertEquals(8, files);
        assertTrue(few.held() < more.held(), few.held() + " against " + more.held() + " lent columns");
    }
}
