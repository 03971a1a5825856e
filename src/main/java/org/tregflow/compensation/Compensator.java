package org.tregflow.compensation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tregflow.fcs.EventTable;

/**
 * Applies a spillover matrix: the observed detector row vector x (matrix channels, matrix order) times
 * inverse(S) is the compensated vector. Only the wanted output columns are computed (DESIGN §3), each from all
 * matrix input columns.
 *
 * <p>Why the loop looks like this: per block of events, each output column accumulates {@code x_i * inv[i][j]}
 * column-wise in a small double buffer (vectorisable, stays in L1, no per-event allocation, double precision
 * before the single rounding to float); coefficients that are exactly 0 - most of a real spillover inverse
 * outside its blocks - are skipped.
 */
public final class Compensator {
    private static final int BLOCK = 1024;
    /** Inverses by matrix value (record equality); a batch uses a handful of matrices, so this stays tiny. */
    private static final Map<SpilloverMatrix, double[][]> INVERSES = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 256;

    private Compensator() {
    }

    /**
     * Compensated copies of the {@code wanted} detector columns, in the order given.
     *
     * @throws CompensationException if a wanted channel is not in the matrix, a matrix channel is not in the
     *     table, or the matrix is singular
     */
    public static float[][] compensate(EventTable table, SpilloverMatrix matrix, Collection<String> wanted) {
        List<String> channels = matrix.channels();
        int size = channels.size();
        float[][] inputs = new float[size][];
        for (int i = 0; i < size; i++) {
            int column = table.indexOf(channels.get(i));
            if (column < 0) {
                throw new CompensationException("spillover matrix channel '" + channels.get(i)
                        + "' is not in the data; its channels are " + table.names());
            }
            inputs[i] = table.column(column);
        }
        List<String> outputs = new ArrayList<>(new LinkedHashSet<>(wanted));
        if (outputs.size() != wanted.size()) {
            throw new CompensationException("a channel is asked for twice in " + wanted);
        }
        int[] outputIndex = new int[outputs.size()];
        for (int j = 0; j < outputIndex.length; j++) {
            outputIndex[j] = indexIgnoreCase(channels, outputs.get(j));
            if (outputIndex[j] < 0) {
                throw new CompensationException("channel '" + outputs.get(j)
                        + "' cannot be compensated: it is not in the spillover matrix " + channels);
            }
        }
        double[][] inverse = inverseOf(matrix);
        int n = table.eventCount();
        float[][] result = new float[outputIndex.length][n];
        double[] acc = new double[BLOCK];
        for (int start = 0; start < n; start += BLOCK) {
            int end = Math.min(n, start + BLOCK);
            int len = end - start;
            for (int j = 0; j < outputIndex.length; j++) {
                int col = outputIndex[j];
                java.util.Arrays.fill(acc, 0, len, 0.0);
                for (int i = 0; i < size; i++) {
                    double coefficient = inverse[i][col];
                    if (coefficient == 0) {
                        continue;
                    }
                    float[] x = inputs[i];
                    for (int e = 0; e < len; e++) {
                        acc[e] += x[start + e] * coefficient;
                    }
                }
                float[] out = result[j];
                for (int e = 0; e < len; e++) {
                    out[start + e] = (float) acc[e];
                }
            }
        }
        return result;
    }

    /** The inverse of {@code matrix}, computed once per distinct matrix across files and threads. */
    static double[][] inverseOf(SpilloverMatrix matrix) {
        double[][] cached = INVERSES.get(matrix);
        if (cached != null) {
            return cached;
        }
        if (INVERSES.size() >= CACHE_LIMIT) {
            INVERSES.clear(); // a run with hundreds of distinct matrices is unusual; recomputing is cheap
        }
        try {
            return INVERSES.computeIfAbsent(matrix, SpilloverMatrix::inverse);
        } catch (IllegalArgumentException e) {
            throw new CompensationException(e.getMessage(), e);
        }
    }

    private static int indexIgnoreCase(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
