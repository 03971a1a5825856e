package org.tregflow.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.EllipsoidGate;
import org.tregflow.gating.EventSource;
import org.tregflow.gating.Gate;
import org.tregflow.gating.GeometricGate;
import org.tregflow.gating.Parameter;
import org.tregflow.gating.PolygonGate;
import org.tregflow.gating.Population;
import org.tregflow.gating.QuadrantGate;
import org.tregflow.gating.RectangleGate;
import org.tregflow.gatingml.GatingMlEventSource;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;
import org.tregflow.simulate.Panel;
import org.tregflow.simulate.SimulatedSample;
import org.tregflow.simulate.Visit;
import org.tregflow.transform.FastLogicle;
import org.tregflow.transform.Linear;
import org.tregflow.transform.Logicle;
import org.tregflow.transform.Transform;

/**
 * A simulated Treg/NK sample (tregflow simulate) gated with the DOMAIN.md tree, in transformed coordinates, the
 * way the pipeline will hand it to the report: dimensions named by marker, compensated with the file's
 * spillover, logicle on fluorescence and SSC, linear on FSC.
 */
public final class TregSample {
    static final Transform SCATTER = new Linear(262_144, 0);
    static final Logicle LOGICLE = new Logicle(262_144, 0.5, 4.5, 0);
    static final Transform FLUOR = new FastLogicle(LOGICLE);

    final SimulatedSample sample;
    public final EventSource source;
    public final List<GatingStep> steps = new ArrayList<>();
    final Map<String, Population> populations = new HashMap<>();

    public TregSample(int events, int patient, Visit visit) {
        this(new CohortSimulator(CohortConfig.defaults().withEvents(events)), patient, visit);
    }

    TregSample(CohortSimulator sim, int patient, Visit visit) {
        sample = sim.simulate(patient, visit);
        source = new MarkerSource(new GatingMlEventSource(sample.events(), sample.spillover(), Map.of()));
        build();
    }

    static Dimension marker(String m) {
        return Dimension.of(m, FLUOR);
    }

    static double at(double log10) {
        return LOGICLE.apply(Math.pow(10, log10));
    }

    private void build() {
        Dimension fscA = Dimension.of("FSC-A", SCATTER);
        Dimension fscH = Dimension.of("FSC-H", SCATTER);
        Dimension ssc = Dimension.of("SSC-A", FLUOR);
        Population all = Population.all(source.eventCount());
        populations.put("All events", all);
        double fx = SCATTER.apply(62_000);
        double sy = at(4.05);
        geometric("Lymphocytes", "All events", new EllipsoidGate("Lymphocytes", null, List.of(fscA, ssc),
                new double[] {fx, sy}, new double[][] {{0.0009, 0.0002}, {0.0002, 0.0011}}, 7.0));
        List<PolygonGate.Vertex> band = List.of(
                new PolygonGate.Vertex(SCATTER.apply(15_000), SCATTER.apply(15_000 / 1.25)),
                new PolygonGate.Vertex(SCATTER.apply(240_000), SCATTER.apply(240_000 / 1.25)),
                new PolygonGate.Vertex(SCATTER.apply(240_000), SCATTER.apply(240_000 / 0.9)),
                new PolygonGate.Vertex(SCATTER.apply(15_000), SCATTER.apply(15_000 / 0.9)));
        geometric("Singlets", "Lymphocytes", new PolygonGate("Singlets", "Lymphocytes", fscA, fscH, band));
        geometric("Live", "Singlets", RectangleGate.range("Live", "Singlets", marker("Live/Dead"),
                Double.NEGATIVE_INFINITY, at(3.2)));
        geometric("T cells", "Live", new RectangleGate("T cells", "Live", List.of(
                RectangleGate.Range.atLeast(marker("CD3"), at(2.8)),
                RectangleGate.Range.below(marker("CD56"), at(3.5)))));
        geometric("CD4+", "T cells", new RectangleGate("CD4+", "T cells", List.of(
                RectangleGate.Range.atLeast(marker("CD4"), at(2.8)),
                RectangleGate.Range.below(marker("CD8"), at(2.9)))));
        geometric("Treg", "CD4+", new RectangleGate("Treg", "CD4+", List.of(
                RectangleGate.Range.below(marker("CD127"), at(2.6)),
                RectangleGate.Range.atLeast(marker("FOXP3"), at(3.0)))));
        geometric("CD25hi Treg", "Treg", RectangleGate.range("CD25hi Treg", "Treg", marker("CD25"), at(3.45),
                Double.POSITIVE_INFINITY));
        geometric("NK cells", "Live", new RectangleGate("NK cells", "Live", List.of(
                RectangleGate.Range.below(marker("CD3"), at(2.8)),
                RectangleGate.Range.atLeast(marker("CD56"), at(2.7)))));
        QuadrantGate nk = new QuadrantGate("NK subsets", "NK cells",
                List.of(new QuadrantGate.Divider("cd16", marker("CD16"), List.of(at(2.9))),
                        new QuadrantGate.Divider("cd56", marker("CD56"), List.of(at(3.55)))),
                List.of(new QuadrantGate.Quadrant("CD56bright", Map.of("cd16", 0.0, "cd56", 1.0)),
                        new QuadrantGate.Quadrant("CD56dim", Map.of("cd16", 1.0, "cd56", 0.0)),
                        new QuadrantGate.Quadrant("CD16+CD56hi", Map.of("cd16", 1.0, "cd56", 1.0)),
                        new QuadrantGate.Quadrant("CD16-CD56lo", Map.of("cd16", 0.0, "cd56", 0.0))));
        Population parent = populations.get("NK cells");
        Map<String, Population> quads = nk.apply(source, parent);
        populations.putAll(quads);
        steps.add(new GatingStep("CD56bright", "NK cells", nk, List.of(), parent, quads.get("CD56bright")));
    }

    private void geometric(String name, String parentName, GeometricGate gate) {
        Population parent = populations.get(parentName);
        Population events = gate.apply(source, parent);
        populations.put(name, events);
        steps.add(new GatingStep(name, parentName, gate, List.of(), parent, events));
    }

    static Gate gate(List<GatingStep> steps, String population) {
        return steps.stream().filter(s -> s.population().equals(population)).findFirst().orElseThrow().gate();
    }

    /** Resolves marker names to the simulated panel's detectors, as the pipeline's panel resolution does. */
    static final class MarkerSource implements EventSource {
        private final EventSource inner;

        MarkerSource(EventSource inner) {
            this.inner = inner;
        }

        private static Dimension resolve(Dimension d) {
            int i = Panel.MARKERS.indexOf(d.name());
            return i < 0 ? d : new Dimension(new Parameter.Named(Panel.DETECTORS.get(i)), d.compensationRef(),
                    d.transform());
        }

        @Override
        public int eventCount() {
            return inner.eventCount();
        }

        @Override
        public float[] values(Dimension d) {
            return inner.values(resolve(d));
        }

        @Override
        public double[] doubleValues(Dimension d) {
            return inner.doubleValues(resolve(d));
        }
    }
}
