package org.tregflow.report;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * One computed panel of a sheet, ready to draw: where it is, what it shows (a pseudocolour image or a histogram),
 * and the gate's outlines and percentages. Computing and drawing are separate so the SVG and the PNG are drawn
 * from the same numbers.
 *
 * @param dots      the pseudocolour image (2-D plots), else null
 * @param histogram smoothed counts per bin (1-D plots), else null
 * @param outlines  the gate's outlines in sheet pixels
 * @param quadrantPercents percentage of parent of each quadrant (quadrant gates only), by quadrant id
 */
record Panel(GatingStep step, PlotArea area, BufferedImage dots, double[] histogram, Axis countAxis,
             List<GateOutline.Shape> outlines, Map<String, Double> quadrantPercents) {
}
