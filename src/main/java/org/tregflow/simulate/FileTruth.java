package org.tregflow.simulate;

import java.util.Arrays;

/**
 * The generated count of every event category in one file, and the population percentages a correct gating must
 * find. Denominators are live singlet lymphocytes and their subsets, exactly the parents of DOMAIN.md's tree.
 */
public record FileTruth(String file, String patient, String visit, Arm arm, Response response, int visitOrder,
                        int day, int[] counts) {
    public FileTruth {
        if (counts.length != EventCategory.count()) {
            throw new IllegalArgumentException("one count per event category expected");
        }
        counts = counts.clone();
    }

    public int count(EventCategory c) {
        return counts[c.ordinal()];
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    public int events() {
        return Arrays.stream(counts).sum();
    }

    /** Live singlet lymphocytes: the parent of T cells and NK cells. */
    public int lymphocytes() {
        int n = 0;
        for (EventCategory c : EventCategory.values()) {
            if (c.isLiveSingletLymphocyte()) {
                n += count(c);
            }
        }
        return n;
    }

    public int tCells() {
        return cd4() + count(EventCategory.CD8_T) + count(EventCategory.DN_T);
    }

    /** CD3+CD4+CD8- T cells. */
    public int cd4() {
        return count(EventCategory.CD4_TCONV) + treg();
    }

    /** FOXP3+CD127lo among CD4+ T. */
    public int treg() {
        return count(EventCategory.TREG_CD25HI) + count(EventCategory.TREG_CD25INT);
    }

    /** CD3-CD56+ NK cells. */
    public int nk() {
        return count(EventCategory.NK_CD56BRIGHT) + count(EventCategory.NK_CD56DIM);
    }

    public double pctLymphocytesOfTotal() {
        return pct(lymphocytes(), events());
    }

    public double pctTOfLymphocytes() {
        return pct(tCells(), lymphocytes());
    }

    public double pctCd4OfT() {
        return pct(cd4(), tCells());
    }

    public double pctCd8OfT() {
        return pct(count(EventCategory.CD8_T), tCells());
    }

    public double pctTregOfCd4() {
        return pct(treg(), cd4());
    }

    /** The primary endpoint's statistic: CD25hi among Treg. */
    public double pctCd25hiOfTreg() {
        return pct(count(EventCategory.TREG_CD25HI), treg());
    }

    public double pctNkOfLymphocytes() {
        return pct(nk(), lymphocytes());
    }

    public double pctCd56brightOfNk() {
        return pct(count(EventCategory.NK_CD56BRIGHT), nk());
    }

    public double pctCd56dimOfNk() {
        return pct(count(EventCategory.NK_CD56DIM), nk());
    }

    static double pct(int part, int whole) {
        return whole == 0 ? Double.NaN : 100.0 * part / whole;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileTruth t && file.equals(t.file) && patient.equals(t.patient) && visit.equals(t.visit)
                && arm == t.arm && response == t.response && visitOrder == t.visitOrder && day == t.day
                && Arrays.equals(counts, t.counts);
    }

    @Override
    public int hashCode() {
        return file.hashCode() * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "FileTruth[" + file + " " + Arrays.toString(counts) + "]";
    }
}
