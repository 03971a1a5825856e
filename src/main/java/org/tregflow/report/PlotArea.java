package org.tregflow.report;

import java.awt.geom.Rectangle2D;

/**
 * Where a plot sits on the sheet, in sheet pixels, and the mapping from gate coordinates to those pixels. Gates
 * and dots both go through {@link #px} and {@link #py}, so an outline lies exactly on the events it selects.
 *
 * @param yAxis null for a 1-D plot (a histogram)
 */
public record PlotArea(double x, double y, double width, double height, Axis xAxis, Axis yAxis) {

    public double px(double v) {
        return x + xAxis.fraction(v) * width;
    }

    /** Screen y grows downwards, values upwards. */
    public double py(double v) {
        return y + height - yAxis.fraction(v) * height;
    }

    public Rectangle2D bounds() {
        return new Rectangle2D.Double(x, y, width, height);
    }
}
