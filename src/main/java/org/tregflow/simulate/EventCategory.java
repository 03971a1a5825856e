package org.tregflow.simulate;

/**
 * The latent label of a simulated event. The order is fixed: it is the column order of {@code truth_files.csv}
 * and the order in which counts are allocated, so it must never depend on a map's iteration order.
 */
public enum EventCategory {
    DEBRIS("debris", false),
    MONOCYTE("monocytes", false),
    GRANULOCYTE("granulocytes", false),
    LYMPHOCYTE_DOUBLET("lymphocyte_doublets", false),
    DEAD_LYMPHOCYTE("dead_lymphocytes", false),
    CD4_TCONV("cd4_tconv", true),
    TREG_CD25HI("treg_cd25hi", true),
    TREG_CD25INT("treg_cd25int", true),
    CD8_T("cd8_t", true),
    DN_T("dn_t", true),
    B_CELL("b_cells", true),
    NK_CD56BRIGHT("nk_cd56bright", true),
    NK_CD56DIM("nk_cd56dim", true);

    private final String column;
    private final boolean liveSingletLymphocyte;

    EventCategory(String column, boolean liveSingletLymphocyte) {
        this.column = column;
        this.liveSingletLymphocyte = liveSingletLymphocyte;
    }

    /** The column name in {@code truth_files.csv}. */
    public String column() {
        return column;
    }

    /** True for the kinds the lymphocyte, singlet and live gates should keep: the denominators of the truth. */
    public boolean isLiveSingletLymphocyte() {
        return liveSingletLymphocyte;
    }

    private static final EventCategory[] VALUES = values();

    static EventCategory of(int ordinal) {
        return VALUES[ordinal];
    }

    static int count() {
        return VALUES.length;
    }
}
