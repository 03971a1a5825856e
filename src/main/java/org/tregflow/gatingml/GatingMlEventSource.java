package org.tregflow.gatingml;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tregflow.compensation.SpilloverMatrix;
import org.tregflow.fcs.EventRows;
import org.tregflow.fcs.EventTable;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.EventSource;
import org.tregflow.gating.GateException;
import org.tregflow.gating.Parameter;
import org.tregflow.transform.Transform;

/**
 * Gate input as Gating-ML 2.0 defines it, from a table of scale values: compensation per dimension
 * ({@code FCS} = the file's spillover, {@code uncompensated}, or a spectrum matrix id), then fratio, then the
 * transform, all in double: gates read {@link #doubleValues}, so a value on a gate boundary is judged as exactly as
 * the reference implementations judge it ({@link #values} rounds to float once, for plots). Each column is computed
 * once and cached.
 *
 * <p>A parameter named as a detector of a square matrix gets that detector's compensated value. A parameter that
 * the referenced matrix does not cover (FSC in a gate whose other axis is compensated, or any
 * parameter when the file has no spillover) is used uncompensated, as the standard says for FCS compensation.
 */
public final class GatingMlEventSource implements EventSource {
    private final EventTable table;
    /** Where single events' stored values are read when the table's columns no longer hold them, or null. */
    private final EventRows rows;
    private final SpectrumMatrix fileMatrix;
    private final Map<String, SpectrumMatrix> matrices;
    private final Map<String, double[][]> unmixing = new HashMap<>();
    private final Map<String, Plan> plans = new HashMap<>();
    private final Map<String, double[]> base = new HashMap<>();
    private final Map<Dimension, double[]> columns = new HashMap<>();
    private final Map<Dimension, float[]> rounded = new HashMap<>();

    /**
     * @param fileSpillover the FCS file's own spillover ($SPILLOVER/SPILL), or null when it has none
     * @param matrices      spectrum matrices by id (from the Gating-ML document)
     */
    public GatingMlEventSource(EventTable table, SpilloverMatrix fileSpillover, Map<String, SpectrumMatrix> matrices) {
        this(table, null, fileSpillover, matrices);
    }

    /**
     * A source of single events' exact values ({@link #value}) that reads the stored values from {@code rows}: for
     * a table whose columns were since overwritten (compensated in place); its whole-column methods refuse.
     */
    public GatingMlEventSource(EventTable table, EventRows rows, SpilloverMatrix fileSpillover,
                               Map<String, SpectrumMatrix> matrices) {
        this.table = table;
        this.rows = rows;
        this.fileMatrix = fileSpillover == null ? null : SpectrumMatrix.of(Dimension.FCS, fileSpillover);
        this.matrices = Map.copyOf(matrices);
    }

    @Override
    public int eventCount() {
        return table.eventCount();
    }

    @Override
    public synchronized float[] values(Dimension d) {
        float[] f = rounded.get(d);
        if (f == null) {
            double[] v = doubleValues(d);
            f = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                f[i] = (float) v[i];
            }
            rounded.put(d, f);
        }
        return f;
    }

    @Override
    public synchronized double[] doubleValues(Dimension d) {
        double[] c = columns.get(d);
        if (c != null) {
            return c;
        }
        if (rows != null) {
            throw new IllegalStateException("the table's columns no longer hold the stored values: single events only");
        }
        int n = table.eventCount();
        double[] v;
        if (d.parameter() instanceof Parameter.Ratio r) {
            double[] x1 = base(r.numerator(), d.compensationRef());
            double[] x2 = base(r.denominator(), d.compensationRef());
            v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.apply(x1[i], x2[i]);
            }
        } else {
            v = base(d.name(), d.compensationRef());
        }
        Transform t = d.transform();
        if (t != null) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = t.apply(v[i]);
            }
            v = out;
        }
        columns.put(d, v);
        return v;
    }

    /** Scale values of one parameter after the named compensation, in double. */
    private double[] base(String name, String compensationRef) {
        String key = compensationRef + '\u0000' + name;
        double[] v = base.get(key);
        if (v == null) {
            v = plan(name, compensationRef).column(table.eventCount());
            base.put(key, v);
        }
        return v;
    }

    /**
     * The exact value of one event, with the very arithmetic of {@link #doubleValues} (same unmixing weights,
     * same order of the sums, same transform), so it equals that column's entry bit for bit: the pipeline's gates
     * call it for the events its fast values place near a boundary.
     */
    public synchronized double value(Dimension d, int event) {
        double v;
        if (d.parameter() instanceof Parameter.Ratio r) {
            v = r.apply(plan(r.numerator(), d.compensationRef()).value(event),
                    plan(r.denominator(), d.compensationRef()).value(event));
        } else {
            v = plan(d.name(), d.compensationRef()).value(event);
        }
        return d.transform() == null ? v : d.transform().apply(v);
    }

    /**
     * How one parameter's compensated value is computed: the sum of {@code inputs[j][i] * weights[j]} over the
     * matrix's detectors in order (zero weights left out), or the raw column when the matrix does not cover it.
     * Single events read the stored values from {@code rows} when there are rows (at {@code channels[j]}; then
     * there are no {@code inputs}).
     */
    private record Plan(float[][] inputs, int[] channels, double[] weights, EventRows rows) {
        private float input(int j, int i) {
            return rows == null ? inputs[j][i] : rows.value(channels[j], i);
        }

        double value(int i) {
            if (weights == null) {
                return input(0, i);
            }
            double s = 0;
            for (int j = 0; j < weights.length; j++) {
                s += input(j, i) * weights[j];
            }
            return s;
        }

        /** Every event's value; each one summed in the order {@link #value} sums it. */
        double[] column(int n) {
            double[] out = new double[n];
            if (weights == null) {
                for (int i = 0; i < n; i++) {
                    out[i] = inputs[0][i];
                }
                return out;
            }
            for (int j = 0; j < weights.length; j++) {
                float[] d = inputs[j];
                double w = weights[j];
                for (int i = 0; i < n; i++) {
                    out[i] += d[i] * w;
                }
            }
            return out;
        }
    }

    private Plan plan(String name, String compensationRef) {
        return plans.computeIfAbsent(compensationRef + '\u0000' + name, key -> {
            SpectrumMatrix m = matrix(compensationRef);
            int k = m == null ? -1 : m.fluorochromes().indexOf(name);
            if (k < 0 && m != null && m.fluorochromes().size() == m.detectors().size()) {
                // FlowJo's exports name the detector ("CD4 PE-Cy7 FLR-A") with the matrix whose fluorochrome is
                // "PE-Cy7": in a square matrix the k-th detector's compensated value is the k-th fluorochrome.
                k = m.detectors().indexOf(name);
            } else if (k < 0 && m != null && m.detectors().contains(name)) {
                throw new GateException("'" + name + "' is a detector of the non-square spectrum matrix " + m.id()
                        + ": a dimension compensated by it must name one of its fluorochromes " + m.fluorochromes());
            }
            if (k < 0) {
                int c = channel(name, null);
                return new Plan(storedColumns(new int[] {c}), new int[] {c}, null, rows);
            }
            double[][] u = unmixing.computeIfAbsent(m.id(), id -> m.unmixing());
            List<Integer> inputs = new java.util.ArrayList<>();
            List<Double> weights = new java.util.ArrayList<>();
            for (int j = 0; j < m.detectors().size(); j++) {
                if (u[j][k] != 0) {
                    inputs.add(channel(m.detectors().get(j), m.id()));
                    weights.add(u[j][k]);
                }
            }
            int[] channels = inputs.stream().mapToInt(Integer::intValue).toArray();
            return new Plan(storedColumns(channels), channels,
                    weights.stream().mapToDouble(Double::doubleValue).toArray(), rows);
        });
    }

    private SpectrumMatrix matrix(String ref) {
        if (Dimension.UNCOMPENSATED.equals(ref)) {
            return null;
        }
        if (Dimension.FCS.equals(ref)) {
            return fileMatrix;
        }
        SpectrumMatrix m = matrices.get(ref);
        if (m == null) {
            throw new GateException("compensation-ref '" + ref + "' names no spectrum matrix; defined: "
                    + matrices.keySet() + " (or FCS, uncompensated)");
        }
        return m;
    }

    /** The stored columns of these channels; none when single events come from the rows (the columns changed). */
    private float[][] storedColumns(int[] channels) {
        if (rows != null) {
            return null;
        }
        float[][] out = new float[channels.length][];
        for (int j = 0; j < channels.length; j++) {
            out[j] = table.column(channels[j]);
        }
        return out;
    }

    private int channel(String name, String matrixId) {
        int idx = table.indexOf(name);
        if (idx < 0) {
            throw new GateException("the data has no parameter '" + name + "'"
                    + (matrixId == null ? "" : " (a detector of matrix " + matrixId + ")")
                    + "; parameters: " + table.names());
        }
        return idx;
    }
}
