package org.tregflow.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tregflow.stats.EndpointSpec;
import org.tregflow.stats.GateRecord;
import org.tregflow.stats.PopulationStats;
import org.tregflow.stats.SampleInfo;
import org.tregflow.stats.SampleResult;

/**
 * A small two-arm result set with the awkward cases the writers must survive: a failed file whose error holds a
 * comma, quotes and a line break; a file name with a comma; replicates; a file without patient; a missing visit;
 * a marker median that is unknown (empty population); non-ASCII text.
 */
final class SyntheticResults {
    static final List<String> POPULATIONS = List.of("CD4+", "Treg", "CD25hi Treg");
    static final List<String> MARKERS = List.of("CD25", "FOXP3");
    static final EndpointSpec SPEC = new EndpointSpec("CD25hi Treg", "pct_parent", "C0", "C4", 2.0, 100);

    private SyntheticResults() {
    }

    static List<SampleResult> build() {
        List<SampleResult> out = new ArrayList<>();
        String[] visits = {"C0", "C2", "C4"};
        for (int p = 1; p <= 6; p++) {
            String arm = p <= 3 ? "IL-2" : "placebo";
            for (int v = 0; v < visits.length; v++) {
                if (p == 3 && v == 2) {
                    continue; // patient P3 missed C4
                }
                String file = "P" + p + "_" + visits[v] + (p == 2 && v == 1 ? ", repeat" : "") + ".fcs";
                if (p == 5 && v == 2) {
                    out.add(new SampleResult(file, file, null, SampleResult.FAILED,
                            "DATA segment ends at byte 81,920, but \"$ENDDATA\" says 90,000\nfile truncated?", 0,
                            null, null, new SampleInfo("P" + p, visits[v], arm, (double) v * 2, v * 14.0),
                            List.of(), List.of(), List.of()));
                    continue;
                }
                double rise = arm.equals("IL-2") ? 1 + p * 0.4 * v : 1 + 0.05 * v * (p - 5);
                long treg = 1000 + 37L * p;
                long cd25 = Math.round(treg * 0.2 * rise);
                out.add(sample(file, "P" + p, visits[v], arm, v * 2.0, treg, cd25));
            }
        }
        // a replicate of P1 at C4
        out.add(sample("P1_C4_rep2.fcs", "P1", "C4", "IL-2", 4.0, 1040, 500));
        // a file nobody listed in the sample sheet
        out.add(new SampleResult("stray.fcs", "stray.fcs", "ab12", SampleResult.OK, null, 5000, "3.0",
                "LSRFortessa µ", SampleInfo.UNKNOWN,
                List.of(new PopulationStats("CD4+", "/T cells/CD4+", "T cells", 0, 0, 5000,
                        Map.of("CD25", Double.NaN))),
                List.of(), List.of("$TIMESTEP missing; assumed 0.01", "HEADER/TEXT offsets disagree")));
        return out;
    }

    private static SampleResult sample(String file, String patient, String visit, String arm, double order,
                                       long treg, long cd25) {
        List<PopulationStats> pops = List.of(
                new PopulationStats("CD4+", "/Lymphocytes/Singlets/T cells/CD4+", "T cells", 20_000, 33_000,
                        60_000, Map.of("CD25", 310.5, "FOXP3", 120.25)),
                new PopulationStats("Treg", "/Lymphocytes/Singlets/T cells/CD4+/Treg", "CD4+", treg, 20_000,
                        60_000, Map.of("CD25", 1234.5678901234567, "FOXP3", 2048.0)),
                new PopulationStats("CD25hi Treg", "/Lymphocytes/Singlets/T cells/CD4+/Treg/CD25hi Treg", "Treg",
                        cd25, treg, 60_000, Map.of("CD25", 4096.125, "FOXP3", 1e-7)));
        List<GateRecord> gates = List.of(
                new GateRecord("Treg", "polygon", "FOXP3,CD127", "",
                        "vertices=(0.5,0.1) (0.9,0.1) (0.9,0.45) (0.5,0.45)"),
                new GateRecord("CD25hi Treg", "density_valley", "CD25", "bandwidth=\"scott\", k=3.0",
                        "min=0.6123456789012345"));
        return new SampleResult(file, file, Integer.toHexString(file.hashCode()), SampleResult.OK, null, 60_000,
                "3.1", "Simulated", new SampleInfo(patient, visit, arm, order, order * 7), pops, gates, List.of());
    }
}
