package org.tregflow.compensation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.tregflow.fcs.EventTable;
import org.tregflow.fcs.FcsReader;

/**
 * FlowKit's test_comp_example.fcs compensated with comp_complete_example.csv (a matrix that differs from the
 * file's own SPILL). test_comp_example.npy holds the file's 10,703 x 18 uncompensated events (float64, no
 * header; Time unscaled) - FlowKit loads it as raw events, it is not a compensated result. FlowKit's own check
 * for this pair is the round trip comp . S = raw; we assert that, and each compensated event against an
 * independent per-event linear solve (QR of S^T) from the npy values.
 */
class FlowKitCompExampleTest {
    @Test
    void compensatedEventsSolveTheSpilloverEquations() throws IOException {
        CompensationMatricesTest.assumeData();
        Path dir = CompensationMatricesTest.DATA.resolve("flowkit");
        EventTable table = FcsReader.read(dir.resolve("test_comp_example.fcs")).datasets().get(0).events();
        SpilloverMatrix s = CompensationMatrices.read(dir.resolve("comp_complete_example.csv"));
        List<String> detectors = s.channels();
        int n = table.eventCount();
        assertEquals(10703, n);

        ByteBuffer npy = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("test_comp_example.npy")))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(n * 18L * 8, npy.capacity(), "npy: 10703 events x 18 channels of float64");
        int[] npyColumn = new int[detectors.size()];
        for (int d = 0; d < detectors.size(); d++) {
            npyColumn[d] = table.indexOf(detectors.get(d)); // npy columns are in the file's channel order
            for (int e = 0; e < n; e += 97) {
                assertEquals(npy.getDouble((e * 18 + npyColumn[d]) * 8), table.column(npyColumn[d])[e], 0,
                        "reader vs npy " + detectors.get(d) + " event " + e);
            }
        }

        float[][] comp = Compensator.compensate(table, s, detectors);
        int size = detectors.size();
        double[][] transposed = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                transposed[j][i] = s.get(i, j);
            }
        }
        DecompositionSolver solver = new QRDecomposition(new Array2DRowRealMatrix(transposed)).getSolver();
        for (int e = 0; e < n; e++) {
            double[] raw = new double[size];
            double magnitude = 1;
            for (int d = 0; d < size; d++) {
                raw[d] = npy.getDouble((e * 18 + npyColumn[d]) * 8);
                magnitude = Math.max(magnitude, Math.abs(raw[d]));
            }
            double tolerance = 2e-6 * magnitude;
            if (e % 10 == 0) {
                RealVector expected = solver.solve(new ArrayRealVector(raw, false));
                for (int d = 0; d < size; d++) {
                    assertEquals(expected.getEntry(d), comp[d][e], tolerance, "event " + e + " " + detectors.get(d));
                }
            }
            for (int j = 0; j < size; j++) { // round trip: compensated row times S gives back the observed row
                double back = 0;
                for (int i = 0; i < size; i++) {
                    back += comp[i][e] * s.get(i, j);
                }
                assertEquals(raw[j], back, tolerance, "round trip event " + e + " " + detectors.get(j));
            }
        }
    }
}
