package org.tregflow.gatingml;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tregflow.compensation.SpilloverMatrix;
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
    private final SpectrumMatrix fileMatrix;
    private final Map<String, SpectrumMatrix> matrices;
    private final Map<String, double[][]> unmixing = new HashMap<>();
    private final Map<String, double[]> base = new HashMap<>();
    private final Map<Dimension, double[]> columns = new HashMap<>();
    private final Map<Dimension, float[]> rounded = new HashMap<>();

    /**
     * @param fileSpillover the FCS file's own spillover ($SPILLOVER/SPILL), or null when it has none
     * @param matrices      spectrum matrices by id (from the Gating-ML document)
     */
    public GatingMlEventSource(EventTable table, SpilloverMatrix fileSpillover, Map<String, SpectrumMatrix> matrices) {
        this.table = table;
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
        if (v != null) {
            return v;
        }
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
        v = k < 0 ? raw(name) : unmix(m, k);
        base.put(key, v);
        return v;
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

    private double[] unmix(SpectrumMatrix m, int fluorochrome) {
        double[][] u = unmixing.computeIfAbsent(m.id(), id -> m.unmixing());
        List<String> det = m.detectors();
        int n = table.eventCount();
        double[] out = new double[n];
        for (int j = 0; j < det.size(); j++) {
            double w = u[j][fluorochrome];
            if (w == 0) {
                continue;
            }
            float[] d = column(det.get(j), m.id());
            for (int i = 0; i < n; i++) {
                out[i] += d[i] * w;
            }
        }
        return out;
    }

    private double[] raw(String name) {
        float[] c = column(name, null);
        int n = table.eventCount();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = c[i];
        }
        return out;
    }

    private float[] column(String name, String matrixId) {
        int idx = table.indexOf(name);
        if (idx < 0) {
            throw new GateException("the data has no parameter '" + name + "'"
                    + (matrixId == null ? "" : " (a detector of matrix " + matrixId + ")")
                    + "; parameters: " + table.names());
        }
        return table.column(idx);
    }
}
