package org.tregflow.report;

/**
 * One axis tick: a value in data units (what the scientist reads), its position on the transformed scale (where it
 * is drawn), and its label (empty for a minor tick).
 */
public record Tick(double value, double position, String label, boolean major) {
}
