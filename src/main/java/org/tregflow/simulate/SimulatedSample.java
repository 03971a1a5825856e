package org.tregflow.simulate;

import org.tregflow.compensation.SpilloverMatrix;
import org.tregflow.fcs.EventTable;
import org.tregflow.fcs.Keywords;

/** One generated file in memory: its events (detector values, uncompensated), keywords, spillover and truth. */
public record SimulatedSample(String fileName, EventTable events, Keywords keywords, SpilloverMatrix spillover,
                              FileTruth truth) {
}
