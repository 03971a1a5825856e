package org.tregflow.simulate;

/** How a patient's Treg compartment reacts to the drug (the design, not a measured outcome). */
public enum Response {
    /** IL-2 arm, CD25hi-of-Treg rises 2.3-3.5 fold after cycle 4. */
    RESPONDER("responder"),
    /** IL-2 arm, CD25hi-of-Treg rises only 1.15-1.6 fold. */
    NON_RESPONDER("non-responder"),
    /** Placebo arm: visit-to-visit variation only (about +-8%). */
    NONE("none");

    private final String label;

    Response(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
