package org.tregflow.simulate;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One simulated patient: arm, designed response, baseline immune composition and the designed fold changes at
 * full drug effect (after cycle 4). All drawn from the patient's own random stream, so patient P03 is the same
 * whether the cohort has 3 or 300 patients.
 *
 * <p>Arms are assigned 2:1 (IL-2, IL-2, placebo, repeating); among IL-2 patients two of every three are designed
 * responders (IL-2 patients 1, 2 respond, 3 does not, 4, 5 respond, 6 does not, ...).
 *
 * @param tOfLymphocytes    T cells (CD3+) among live singlet lymphocytes at baseline
 * @param cd4OfT            CD4+CD8- among T cells
 * @param cd8OfT            CD8+CD4- among T cells (the rest are double-negative T)
 * @param tregOfCd4         FOXP3+CD127lo Treg among CD4+ T at baseline
 * @param cd25hiOfTreg      CD25hi among Treg at baseline
 * @param nkOfLymphocytes   NK (CD3-CD56+) among live singlet lymphocytes at baseline
 * @param brightOfNk        CD56bright among NK at baseline
 * @param monocytes         monocytes among all events
 * @param cd25hiFold        designed fold of CD25hi-of-Treg at full effect
 * @param tregFold          designed fold of Treg-of-CD4 at full effect
 * @param brightFold        designed fold of CD56bright-of-NK at full effect
 * @param nkFold            designed fold of NK-of-lymphocytes at full effect
 */
public record PatientProfile(String id, int index, Arm arm, Response response,
                             double tOfLymphocytes, double cd4OfT, double cd8OfT, double tregOfCd4,
                             double cd25hiOfTreg, double nkOfLymphocytes, double brightOfNk, double monocytes,
                             double cd25hiFold, double tregFold, double brightFold, double nkFold) {

    /** The patient id used in file names and sheets: P01, P02, ... (P100 and on for large cohorts). */
    public static String idOf(int index) {
        return String.format(Locale.ROOT, "P%02d", index + 1);
    }

    public static Arm armOf(int index) {
        return index % 3 == 2 ? Arm.PLACEBO : Arm.IL2;
    }

    public static Response responseOf(int index) {
        if (armOf(index) == Arm.PLACEBO) {
            return Response.NONE;
        }
        int il2Before = (index / 3) * 2 + Math.min(index % 3, 2);
        return il2Before % 3 == 2 ? Response.NON_RESPONDER : Response.RESPONDER;
    }

    static PatientProfile draw(long seed, int index) {
        UniformRandomProvider rng = Seeds.stream(seed, index, Seeds.PATIENT_STREAM);
        Response response = responseOf(index);
        double t = uniform(rng, 0.60, 0.70);
        double cd4 = uniform(rng, 0.55, 0.65);
        double cd8 = Math.min(uniform(rng, 0.28, 0.35), 0.96 - cd4);
        double treg = uniform(rng, 0.035, 0.065);
        double hi = uniform(rng, 0.15, 0.24);
        double nk = uniform(rng, 0.07, 0.12);
        double bright = uniform(rng, 0.05, 0.09);
        double mono = uniform(rng, 0.10, 0.15);
        // Folds are always drawn (same number of draws for every response) so streams stay aligned.
        double uHi = rng.nextDouble();
        double uTreg = rng.nextDouble();
        double uBright = rng.nextDouble();
        double uNk = rng.nextDouble();
        double fHi;
        double fTreg;
        double fBright;
        double fNk;
        switch (response) {
            case RESPONDER -> {
                fHi = 2.3 + 1.2 * uHi;
                fTreg = 1.5 + 0.4 * uTreg;
                fBright = 1.8 + 0.7 * uBright;
                fNk = 1.2 + 0.3 * uNk;
            }
            case NON_RESPONDER -> {
                fHi = 1.15 + 0.45 * uHi;
                fTreg = 1.05 + 0.25 * uTreg;
                fBright = 1.1 + 0.3 * uBright;
                fNk = 1.0 + 0.15 * uNk;
            }
            default -> {
                fHi = 1;
                fTreg = 1;
                fBright = 1;
                fNk = 1;
            }
        }
        return new PatientProfile(idOf(index), index, armOf(index), response, t, cd4, cd8, treg, hi, nk, bright,
                mono, fHi, fTreg, fBright, fNk);
    }

    /**
     * The expected fraction of each {@link EventCategory} among all events of this patient's sample at
     * {@code visit}. Visit-to-visit biological variation (a few %) comes from the file's stream {@code rng}.
     */
    double[] composition(Visit visit, UniformRandomProvider rng) {
        double e = visit.effect();
        boolean baseline = visit.order() == 0;
        // Non-treatment variation between visits; none at baseline, which defines the patient.
        double noiseHi = baseline ? 1 : uniform(rng, 0.94, 1.06);
        double noiseTreg = baseline ? 1 : uniform(rng, 0.94, 1.06);
        double noiseBright = baseline ? 1 : uniform(rng, 0.94, 1.06);
        double t = tOfLymphocytes * uniform(rng, 0.97, 1.03);
        double c4 = cd4OfT * uniform(rng, 0.97, 1.03);
        double c8 = Math.min(cd8OfT * uniform(rng, 0.97, 1.03), 0.97 - c4);
        double nk = nkOfLymphocytes * uniform(rng, 0.97, 1.03) * (1 + (nkFold - 1) * e);
        double treg = Math.min(0.3, tregOfCd4 * noiseTreg * (1 + (tregFold - 1) * e));
        double hi = Math.min(0.9, cd25hiOfTreg * noiseHi * (1 + (cd25hiFold - 1) * e));
        double bright = Math.min(0.5, brightOfNk * noiseBright * (1 + (brightFold - 1) * e));

        double debris = uniform(rng, 0.05, 0.10);
        double mono = monocytes * uniform(rng, 0.9, 1.1);
        double gran = uniform(rng, 0.01, 0.03);
        double doublets = uniform(rng, 0.03, 0.05);
        double dead = uniform(rng, 0.02, 0.045);
        double lym = 1 - debris - mono - gran - doublets - dead;

        double[] p = new double[EventCategory.count()];
        p[EventCategory.DEBRIS.ordinal()] = debris;
        p[EventCategory.MONOCYTE.ordinal()] = mono;
        p[EventCategory.GRANULOCYTE.ordinal()] = gran;
        p[EventCategory.LYMPHOCYTE_DOUBLET.ordinal()] = doublets;
        p[EventCategory.DEAD_LYMPHOCYTE.ordinal()] = dead;
        double cd4 = lym * t * c4;
        p[EventCategory.CD4_TCONV.ordinal()] = cd4 * (1 - treg);
        p[EventCategory.TREG_CD25HI.ordinal()] = cd4 * treg * hi;
        p[EventCategory.TREG_CD25INT.ordinal()] = cd4 * treg * (1 - hi);
        p[EventCategory.CD8_T.ordinal()] = lym * t * c8;
        p[EventCategory.DN_T.ordinal()] = lym * t * (1 - c4 - c8);
        p[EventCategory.NK_CD56BRIGHT.ordinal()] = lym * nk * bright;
        p[EventCategory.NK_CD56DIM.ordinal()] = lym * nk * (1 - bright);
        p[EventCategory.B_CELL.ordinal()] = lym * (1 - t - nk);
        return p;
    }

    private static double uniform(UniformRandomProvider rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
