package org.tregflow.pipeline;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tregflow.gating.Gate;
import org.tregflow.gating.GeometricGate;
import org.tregflow.gatingml.GatingMlDocument;
import org.tregflow.gatingml.GatingMlException;
import org.tregflow.gatingml.GatingMlReader;

/** Fixed gates taken from Gating-ML 2.0 files ({@code gatingml: FILE#gateId}), each file parsed once. */
final class GatingMlGates {
    private static final Map<Path, GatingMlDocument> DOCUMENTS = new ConcurrentHashMap<>();

    private GatingMlGates() {
    }

    /** The document of a reference, relative to {@code baseDir}. */
    static GatingMlDocument document(String reference, Path baseDir) {
        Path file = baseDir.resolve(reference.substring(0, reference.lastIndexOf('#'))).toAbsolutePath().normalize();
        try {
            return DOCUMENTS.computeIfAbsent(file, GatingMlReader::read);
        } catch (GatingMlException e) {
            throw new IllegalArgumentException("gatingml: " + e.getMessage(), e);
        }
    }

    /** The geometric gate a reference names; fails clearly when the id is unknown or not a region. */
    static GeometricGate gate(String reference, Path baseDir) {
        GatingMlDocument doc = document(reference, baseDir);
        String id = reference.substring(reference.lastIndexOf('#') + 1);
        Gate g = doc.gates().gate(id);
        if (g == null) {
            throw new IllegalArgumentException("gatingml: no gate '" + id + "' in " + reference.substring(0,
                    reference.lastIndexOf('#')) + "; gates: " + doc.gates().populationIds());
        }
        if (!(g instanceof GeometricGate geo)) {
            throw new IllegalArgumentException("gatingml: gate '" + id + "' is a " + g.getClass().getSimpleName()
                    + "; only rectangle, polygon and ellipsoid gates can be used in a pipeline (express boolean "
                    + "and quadrant gates with the pipeline's own methods)");
        }
        return geo;
    }
}
