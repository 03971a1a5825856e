package org.tregflow.gating.auto;

/**
 * A 1-D cut computed from data, in the coordinates it was computed in (usually transformed values).
 *
 * @param value    the cut; the kept side is {@code value <= x} (positive) or {@code x < value} (negative)
 * @param detail   how it was found, for the gates table (peaks, valley, bandwidth, spread…)
 * @param warning  null when the method worked as intended; otherwise what went wrong (e.g. a unimodal density
 *                 that made the valley fall back to a tail cut), to be shown with the sample
 */
public record Threshold(double value, String detail, String warning) {
}
