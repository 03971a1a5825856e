package org.tregflow.gatingml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tregflow.gating.GateTree;
import org.tregflow.gating.Parameter;
import org.tregflow.transform.Transform;

/**
 * A Gating-ML 2.0 file as objects: the gate tree, and the transforms, ratio dimensions and spectrum matrices it
 * defines, each by its id (in file order).
 */
public record GatingMlDocument(GateTree gates, Map<String, Transform> transforms, Map<String, Parameter.Ratio> ratios,
                               Map<String, SpectrumMatrix> matrices) {
    public GatingMlDocument {
        transforms = Collections.unmodifiableMap(new LinkedHashMap<>(transforms));
        ratios = Collections.unmodifiableMap(new LinkedHashMap<>(ratios));
        matrices = Collections.unmodifiableMap(new LinkedHashMap<>(matrices));
    }

    /** Gates alone (no named transforms or matrices beyond what the gates' dimensions carry). */
    public static GatingMlDocument of(GateTree gates) {
        return new GatingMlDocument(gates, Map.of(), Map.of(), Map.of());
    }

    public static GatingMlDocument of(GateTree gates, Map<String, SpectrumMatrix> matrices) {
        return new GatingMlDocument(gates, Map.of(), Map.of(), matrices);
    }
}
