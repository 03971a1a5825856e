package org.tregflow.simulate;

import org.tregflow.compensation.SpilloverMatrix;
import org.tregflow.fcs.EventTable;
import org.tregflow.fcs.Keywords;

/**
 * One generated file in memory: its events (detector values, uncompensated), keywords, spillover, truth and the
 * latent label of every event (ordinal of {@link EventCategory}; for tests, not written to the file).
 */
public record SimulatedSample(String fileName, EventTable events, Keywords keywords, SpilloverMatrix spillover,
                              FileTruth truth, byte[] labels) {

    /** The latent category of event {@code index} (what a perfect gating would call it). */
    public EventCategory category(int index) {
        return EventCategory.of(labels[index]);
    }
}
