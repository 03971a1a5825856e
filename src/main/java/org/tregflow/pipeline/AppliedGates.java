package org.tregflow.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.tregflow.compensation.SpilloverMatrix;
import org.tregflow.gating.BooleanGate;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.EllipsoidGate;
import org.tregflow.gating.Gate;
import org.tregflow.gating.GateTree;
import org.tregflow.gating.Parameter;
import org.tregflow.gating.PolygonGate;
import org.tregflow.gating.RectangleGate;
import org.tregflow.gatingml.GatingMlDocument;
import org.tregflow.gatingml.SpectrumMatrix;

/**
 * The gates one file was actually gated with, as a Gating-ML 2.0 document a reviewer can open next to the FCS file
 * (FlowJo, Cytobank, FlowKit): data-driven thresholds resolved to numbers, axes named by the file's detectors
 * ($PnN) rather than the pipeline's markers, compensation by the file's own spillover (or the pipeline's matrix,
 * included in the document), ids made XML-safe ("CD4+" becomes "CD4pos", "T cells" "T_cells").
 */
final class AppliedGates {
    /** The id used for the pipeline's matrix file when the pipeline compensates with one. */
    static final String MATRIX_ID = "pipeline_matrix";

    private final Map<String, String> ids = new HashMap<>();
    private final Set<String> used = new HashSet<>();
    private final List<Gate> gates = new ArrayList<>();
    private final Function<String, String> channelOf;
    private final String compensation;

    /**
     * @param channelOf    marker to the file's $PnN
     * @param compensation the compensation reference for compensated axes: "FCS", MATRIX_ID or "uncompensated"
     */
    AppliedGates(Function<String, String> channelOf, String compensation) {
        this.channelOf = channelOf;
        this.compensation = compensation;
    }

    /** Adds a gate evaluated with the pipeline's marker dimensions (or a Gating-ML gate as it was). */
    void add(Gate g, String parentName, boolean fromGatingMl, Function<String, String> effectiveName) {
        String id = id(g.id());
        String parent = parentName == null ? null : id(parentName);
        if (g instanceof RectangleGate r) {
            List<RectangleGate.Range> ranges = new ArrayList<>();
            for (RectangleGate.Range x : r.ranges()) {
                ranges.add(new RectangleGate.Range(fromGatingMl ? x.dimension() : axis(x.dimension()), x.min(), x.max()));
            }
            gates.add(new RectangleGate(id, parent, ranges));
        } else if (g instanceof PolygonGate p) {
            gates.add(new PolygonGate(id, parent, fromGatingMl ? p.x() : axis(p.x()), fromGatingMl ? p.y() : axis(p.y()),
                    p.vertices()));
        } else if (g instanceof EllipsoidGate e) {
            List<Dimension> dims = fromGatingMl ? e.dimensions() : e.dimensions().stream().map(this::axis).toList();
            gates.add(new EllipsoidGate(id, parent, dims, e.mean(), e.covariance(), e.distanceSquare()));
        } else if (g instanceof BooleanGate b) {
            List<BooleanGate.Reference> refs = b.references().stream()
                    .map(x -> new BooleanGate.Reference(id(effectiveName.apply(x.gateId())), x.complement())).toList();
            gates.add(new BooleanGate(id, parent, b.operator(), refs));
        } else {
            throw new IllegalStateException("the pipeline does not build " + g.getClass().getSimpleName());
        }
    }

    /** A pipeline axis (named by marker) as exported: the file's detector, the document's compensation. */
    Dimension axis(Dimension d) {
        String comp = d.isCompensated() ? compensation : Dimension.UNCOMPENSATED;
        return new Dimension(new Parameter.Named(channelOf.apply(d.name())), comp, d.transform());
    }

    /** An XML-safe id (NCName), stable per population name and unique within the document. */
    String id(String name) {
        return ids.computeIfAbsent(name, n -> {
            String s = n.replace("+", "pos").replaceAll("[^A-Za-z0-9_.-]", "_");
            if (s.isEmpty() || !Character.isLetter(s.charAt(0)) && s.charAt(0) != '_') {
                s = "_" + s;
            }
            String u = s;
            for (int i = 2; !used.add(u); i++) {
                u = s + "_" + i;
            }
            return u;
        });
    }

    /** The spectrum matrices the document defines: the pipeline's matrix when the pipeline compensates with one. */
    Map<String, SpectrumMatrix> matrices(SpilloverMatrix pipelineMatrix) {
        Map<String, SpectrumMatrix> matrices = new HashMap<>();
        if (MATRIX_ID.equals(compensation) && pipelineMatrix != null) {
            matrices.put(MATRIX_ID, SpectrumMatrix.of(MATRIX_ID, pipelineMatrix));
        }
        return matrices;
    }

    GatingMlDocument document(SpilloverMatrix pipelineMatrix) {
        return GatingMlDocument.of(new GateTree(gates), matrices(pipelineMatrix));
    }
}
