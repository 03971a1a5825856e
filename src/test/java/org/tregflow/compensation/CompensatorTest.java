package org.tregflow.compensation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tregflow.fcs.Channel;
import org.tregflow.fcs.EventTable;

class CompensatorTest {
    static EventTable table(List<String> names, float[][] columns) {
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            channels.add(Channel.ofFloat(i + 1, names.get(i), null, 262144));
        }
        return new EventTable(channels, columns, columns[0].length);
    }

    @Test
    void undoesSpilloverComputedByHand() {
        // true signals (100, 50) and (0, 200); S = [[1, 0.2], [0.1, 1]] gives observed = true . S:
        // (100 + 5, 20 + 50) = (105, 70) and (20, 200).
        SpilloverMatrix s = new SpilloverMatrix(List.of("FL1", "FL2"), new double[][] {{1, 0.2}, {0.1, 1}});
        EventTable t = table(List.of("FSC", "FL1", "FL2"), new float[][] {{1, 2}, {105, 20}, {70, 200}});
        float[][] out = Compensator.compensate(t, s, List.of("FL2", "FL1"));
        assertArrayEquals(new float[] {50, 200}, out[0], 1e-4f);
        assertArrayEquals(new float[] {100, 0}, out[1], 1e-4f);
    }

    @Test
    void onlyWantedColumnsAndManyBlocks() {
        // 3 channels, 5000 events (several blocks, a ragged last one); compare with a direct double computation
        SpilloverMatrix s = new SpilloverMatrix(List.of("A", "B", "C"),
                new double[][] {{1, 0.3, 0.05}, {0.02, 1, 0.4}, {0, 0.1, 1}});
        Random rng = new Random(3);
        int n = 5000;
        float[][] cols = new float[3][n];
        for (float[] c : cols) {
            for (int e = 0; e < n; e++) {
                c[e] = (float) (rng.nextGaussian() * 1000);
            }
        }
        double[][] inv = s.inverse();
        float[][] out = Compensator.compensate(table(List.of("A", "B", "C"), cols), s, List.of("c"));
        assertEquals(1, out.length);
        for (int e = 0; e < n; e++) {
            double expected = cols[0][e] * inv[0][2] + cols[1][e] * inv[1][2] + cols[2][e] * inv[2][2];
            assertEquals(expected, out[0][e], 1e-6 * Math.max(1, Math.abs(expected)) + 1e-4);
        }
    }

    /**
     * In place, each wanted channel's own column gets exactly the values the copying form computes (every block is
     * read whole before it is written), over several blocks and a ragged last one; the other columns are untouched.
     */
    @Test
    void inPlaceGivesTheCopiesValuesInTheChannelsOwnColumns() {
        SpilloverMatrix s = new SpilloverMatrix(List.of("A", "B", "C", "D"), new double[][] {
            {1, 0.3, 0.05, 0}, {0.02, 1, 0.4, 0.1}, {0, 0.1, 1, 0.2}, {0.05, 0, 0.03, 1}});
        Random rng = new Random(5);
        int n = 2 * 512 + 77;
        float[][] cols = new float[5][n];
        for (float[] c : cols) {
            for (int e = 0; e < n; e++) {
                c[e] = (float) (rng.nextGaussian() * 1000);
            }
        }
        List<String> names = List.of("FSC", "A", "B", "C", "D");
        List<String> wanted = List.of("C", "A", "D");
        float[][] copies = Compensator.compensate(table(names, cols), s, wanted);
        float[][] before = new float[cols.length][];
        for (int c = 0; c < cols.length; c++) {
            before[c] = cols[c].clone();
        }
        float[][] inPlace = Compensator.compensateInPlace(table(names, cols), s, wanted);
        assertSame(cols[3], inPlace[0], "C's own column");
        assertSame(cols[1], inPlace[1]);
        assertSame(cols[4], inPlace[2]);
        for (int j = 0; j < copies.length; j++) {
            assertArrayEquals(copies[j], inPlace[j], wanted.get(j));
        }
        assertArrayEquals(before[0], cols[0], "FSC is not in the matrix");
        assertArrayEquals(before[2], cols[2], "B was not wanted");
    }

    @Test
    void inverseIsComputedOncePerMatrixValue() {
        double[][] v = {{1, 0.25}, {0.125, 1}};
        SpilloverMatrix a = new SpilloverMatrix(List.of("X", "Y"), v);
        SpilloverMatrix b = new SpilloverMatrix(List.of("X", "Y"), v);
        assertSame(Compensator.inverseOf(a), Compensator.inverseOf(b));
    }

    @Test
    void errorsNameTheChannel() {
        SpilloverMatrix s = new SpilloverMatrix(List.of("FL1", "FL2"), new double[][] {{1, 0.2}, {0.1, 1}});
        EventTable t = table(List.of("FL1", "FL2"), new float[][] {{1}, {2}});
        CompensationException e = assertThrows(CompensationException.class,
                () -> Compensator.compensate(t, s, List.of("FL3")));
        assertTrue(e.getMessage().contains("'FL3'"), e.getMessage());
        EventTable missing = table(List.of("FL1", "SSC"), new float[][] {{1}, {2}});
        e = assertThrows(CompensationException.class, () -> Compensator.compensate(missing, s, List.of("FL1")));
        assertTrue(e.getMessage().contains("'FL2'") && e.getMessage().contains("not in the data"), e.getMessage());
        SpilloverMatrix singular = new SpilloverMatrix(List.of("FL1", "FL2"), new double[][] {{1, 1}, {1, 1}});
        e = assertThrows(CompensationException.class, () -> Compensator.compensate(t, singular, List.of("FL1")));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
    }
}
