/**
 * Gates and the gate tree (Gating-ML 2.0 vocabulary).
 *
 * <p>A {@link org.tregflow.gating.Gate} is an immutable value with an id and an optional parent id. Geometric
 * gates ({@link org.tregflow.gating.RectangleGate}, {@link org.tregflow.gating.PolygonGate},
 * {@link org.tregflow.gating.EllipsoidGate}) read one value column per {@link org.tregflow.gating.Dimension} from an
 * {@link org.tregflow.gating.EventSource}; they never compensate or transform, the source does, once per dimension.
 * A {@link org.tregflow.gating.QuadrantGate} defines one population per quadrant; a
 * {@link org.tregflow.gating.BooleanGate} combines populations by id. Membership is a
 * {@link org.tregflow.gating.Population} bit set, computed only over the parent's set bits.
 *
 * <p>Gates read double columns ({@link org.tregflow.gating.EventSource#doubleValues}): values compensated or
 * transformed in double and rounded to float can land on the other side of a boundary, and the Gating-ML
 * compliance suite contains such events (set 2, Ellipseuh, event 9150). Events themselves stay in float columns.
 * A source whose values were computed in float says so ({@link org.tregflow.gating.EventSource#floatExact}, the
 * pipeline's marker source): gates then read the float columns directly (rectangles compare against bounds
 * rounded to the least float at or above them), with the same membership and no widened copy.
 *
 * <p>{@link org.tregflow.gating.GateTree} orders gates (parents and boolean references first), rejects unknown
 * references, duplicates and cycles, and evaluates the whole tree or one gate at a time (for data-driven gates
 * built from their parent's values).
 */
package org.tregflow.gating;
