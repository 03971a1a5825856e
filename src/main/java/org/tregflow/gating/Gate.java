package org.tregflow.gating;

/**
 * A Gating-ML 2.0 gate. Every gate has an id and an optional parent id (null = all events); membership is
 * computed only inside the parent's population. Geometry is exposed as plain data so a report can draw it.
 */
public sealed interface Gate permits GeometricGate, QuadrantGate, BooleanGate {
    String id();

    /** The id of the parent population, or null when the gate applies to all events. */
    String parentId();

    /** This gate with another parent (gates are immutable values). */
    Gate withParent(String parentId);
}
