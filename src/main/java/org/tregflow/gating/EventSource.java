package org.tregflow.gating;

/**
 * Supplies gates with their input: for each {@link Dimension}, the column of values of every event, already
 * compensated and transformed as the dimension says. Implementations compute each dimension once and cache it,
 * so several gates on the same axes cost one pass.
 */
public interface EventSource {
    int eventCount();

    /**
     * The values of {@code dimension} for all events, in file order (length at least {@link #eventCount()}).
     * Callers must not write to the array.
     *
     * @throws GateException when the dimension cannot be resolved (unknown parameter, missing matrix)
     */
    float[] values(Dimension dimension);
}
