package org.tregflow.gating;

import java.util.Objects;
import org.tregflow.transform.Transform;

/**
 * One gate axis: the parameter it reads, the compensation applied first, and the scale transform applied after
 * (Gating-ML 2.0 {@code gating:dimension}). Gates never compute these values: an {@link EventSource} does, once
 * per dimension, so records compare by value and serve as cache keys.
 *
 * @param parameter       what is read (an FCS parameter or a ratio of two)
 * @param compensationRef {@link #FCS} (the file's own spillover), {@link #UNCOMPENSATED}, or a matrix id
 * @param transform       the scale transform, or null for none (gate coordinates are scale values)
 */
public record Dimension(Parameter parameter, String compensationRef, Transform transform) {
    /** Compensate with the spillover matrix stored in the FCS file. */
    public static final String FCS = "FCS";
    /** Use the scale values as they are. */
    public static final String UNCOMPENSATED = "uncompensated";

    public Dimension {
        Objects.requireNonNull(parameter, "parameter");
        if (compensationRef == null || compensationRef.isBlank()) {
            compensationRef = UNCOMPENSATED;
        }
    }

    /** A named parameter compensated with the file's spillover and not transformed. */
    public static Dimension of(String name) {
        return new Dimension(new Parameter.Named(name), FCS, null);
    }

    /** A named parameter compensated with the file's spillover and then transformed. */
    public static Dimension of(String name, Transform transform) {
        return new Dimension(new Parameter.Named(name), FCS, transform);
    }

    public static Dimension uncompensated(String name) {
        return new Dimension(new Parameter.Named(name), UNCOMPENSATED, null);
    }

    /** The axis label: the parameter's name. */
    public String name() {
        return parameter.name();
    }

    public boolean isCompensated() {
        return !UNCOMPENSATED.equals(compensationRef);
    }

    @Override
    public String toString() {
        return name() + "[" + compensationRef + (transform == null ? "" : ", " + transform) + "]";
    }
}
