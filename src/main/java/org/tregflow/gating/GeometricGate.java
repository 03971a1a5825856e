package org.tregflow.gating;

import java.util.List;

/** A gate that is a region in the space of its dimensions: membership depends only on each event's values. */
public sealed interface GeometricGate extends Gate permits RectangleGate, PolygonGate, EllipsoidGate {
    List<Dimension> dimensions();

    /** The events of {@code parent} inside this region (a new population over the same table). */
    Population apply(EventSource source, Population parent);
}
