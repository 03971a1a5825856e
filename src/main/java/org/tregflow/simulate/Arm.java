package org.tregflow.simulate;

/** The treatment arm of a simulated patient; {@link #label()} is what {@code samples.csv} writes. */
public enum Arm {
    IL2("IL-2"),
    PLACEBO("placebo");

    private final String label;

    Arm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
