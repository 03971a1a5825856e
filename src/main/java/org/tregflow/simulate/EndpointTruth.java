package org.tregflow.simulate;

/**
 * A patient's true primary endpoint, from the generated counts: %CD25hi-of-Treg at the endpoint visit divided by
 * its value at baseline; {@code met} when that fold is at least {@link #THRESHOLD}.
 */
public record EndpointTruth(String patient, Arm arm, Response response, String baselineVisit, String endpointVisit,
                            double baselinePct, double endpointPct, double foldChange, boolean met,
                            double tregOfCd4Fold, double cd56brightOfNkFold) {
    public static final double THRESHOLD = 2.0;

    static EndpointTruth of(FileTruth baseline, FileTruth endpoint) {
        double b = baseline.pctCd25hiOfTreg();
        double e = endpoint.pctCd25hiOfTreg();
        double fold = e / b;
        return new EndpointTruth(baseline.patient(), baseline.arm(), baseline.response(), baseline.visit(),
                endpoint.visit(), b, e, fold, fold >= THRESHOLD,
                endpoint.pctTregOfCd4() / baseline.pctTregOfCd4(),
                endpoint.pctCd56brightOfNk() / baseline.pctCd56brightOfNk());
    }
}
