package org.tregflow.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jfree.svg.SVGHints;
import org.tregflow.gating.BooleanGate;
import org.tregflow.gating.EllipsoidGate;
import org.tregflow.gating.Gate;
import org.tregflow.gating.PolygonGate;
import org.tregflow.gating.QuadrantGate;
import org.tregflow.gating.RectangleGate;

/**
 * Draws computed {@link Panel}s onto any Graphics2D: the same calls make the SVG (JFreeSVG) and the PNG (Java2D).
 * In the SVG, plot frames and gate outlines carry ids ({@code plot-<population>}, {@code gate-<population>-<k>})
 * so tools and tests can find them.
 */
final class SheetPainter {
    /** System fonts only: the sheet must render offline anywhere. */
    static final String FONT_STACK = "-apple-system, Segoe UI, DejaVu Sans, Helvetica, Arial, sans-serif";
    private static final Color INK = new Color(0x1F2328);
    private static final Color MUTED = new Color(0x656D76);
    private static final Color FRAME = new Color(0xB8BEC6);
    private static final Color GATE = new Color(0x111111);
    private static final Color HIST_FILL = new Color(0x9DB5D6);
    private static final Color HIST_LINE = new Color(0x2E5A8C);
    private static final Color GATE_SHADE = new Color(0xF0A04B);
    private static final Color GATE_BAND = new Color(0xFDF1E2);

    private final Graphics2D g;
    private final boolean svg;

    SheetPainter(Graphics2D g, boolean svg) {
        this.g = g;
        this.svg = svg;
    }

    void paint(String sampleId, String title, int events, List<Panel> panels, int[] size) {
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, size[0], size[1]));
        g.setColor(INK);
        g.setFont(font(Font.BOLD, 18));
        g.drawString(sampleId, GatingSheet.MARGIN, 30);
        g.setFont(font(Font.PLAIN, 12));
        g.setColor(MUTED);
        String sub = (title == null || title.isBlank() ? "" : title + "  ·  ")
                + SheetText.grouped(events) + " events";
        g.drawString(sub, GatingSheet.MARGIN, 50);
        g.setFont(font(Font.PLAIN, 10));
        g.drawString("Each plot shows the parent population; gates and percentages of parent as computed for this "
                + "file. Axes in data units on the gate's scale.", GatingSheet.MARGIN, size[1] - 9);
        for (Panel p : panels) {
            paintPanel(p);
        }
    }

    /**
     * Draws what a sheet draws, in miniature: the fonts in both styles (metrics and glyphs), an antialiased
     * outline, a dashed stroke, a translucent fill and an image, so every part of the rendering pipeline is loaded.
     */
    void warmUp() {
        BufferedImage dots = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        dots.setRGB(1, 1, 0xFF3050F0);
        for (int style : new int[] {Font.PLAIN, Font.BOLD}) {
            g.setFont(font(style, 12));
            g.setColor(INK);
            g.drawString("CD25hi 1.5% 10\u00b3", 2f, 14f);
            g.getFontMetrics().stringWidth("0");
        }
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(new RoundRectangle2D.Double(1, 1, 20, 10, 6, 6));
        g.setColor(GATE);
        g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5, 4}, 0));
        g.draw(new Line2D.Double(0, 0, 30, 20));
        g.setStroke(new BasicStroke(1f));
        Shape clip = g.getClip();
        g.clip(new Rectangle2D.Double(0, 0, 30, 20));
        if (!svg) {
            g.drawImage(dots, 2, 2, 4, 4, null); // (the SVG's images are PngEncoder's: nothing to load there)
        }
        g.setClip(clip);
    }

    private Font font(int style, float sizePx) {
        return new Font(Font.SANS_SERIF, style, 1).deriveFont(sizePx);
    }

    private void hint(String id) {
        if (svg) {
            g.setRenderingHint(SVGHints.KEY_ELEMENT_ID, id);
        }
    }

    static String idOf(String population) {
        return SheetText.onlyAscii(population, "_-");
    }

    private void paintPanel(Panel p) {
        PlotArea a = p.area();
        GatingStep step = p.step();
        double left = a.x() - GatingSheet.PLOT_LEFT;
        double top = a.y() - GatingSheet.PLOT_TOP;
        g.setColor(INK);
        g.setFont(font(Font.BOLD, 14));
        g.drawString(step.population(), (float) (left + 12), (float) (top + 20));
        if (step.method() != null && !step.method().isBlank()) {
            // How the gate was found (e.g. a per-file density valley): part of signing the gate off.
            g.setFont(font(Font.PLAIN, 10.5f));
            g.setColor(MUTED);
            String m = step.method().replace('_', ' ');
            g.drawString(m, (float) (a.x() + a.width() - g.getFontMetrics().stringWidth(m)), (float) (top + 20));
        }
        g.setColor(MUTED);
        g.setFont(font(Font.PLAIN, 11));
        String sub = "of " + step.parent() + "  ·  " + SheetText.grouped(step.events().count()) + " of "
                + SheetText.grouped(step.parentEvents().count()) + " events";
        if (step.gate() instanceof BooleanGate) {
            sub += "  ·  " + describe(step.gate());
        }
        g.drawString(sub, (float) (left + 12), (float) (top + 36));

        Rectangle2D frame = a.bounds();
        g.setColor(Color.WHITE);
        g.fill(frame);
        if (a.xAxis() == null) {
            hint("plot-" + idOf(step.population()));
            g.setColor(FRAME);
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4, 4}, 0));
            g.draw(frame);
            g.setColor(MUTED);
            g.setFont(font(Font.PLAIN, 12));
            g.drawString(describe(step.gate()), (float) (a.x() + 12), (float) (a.y() + a.height() / 2 - 10));
            label(a, new String[] {step.population() + " " + percent(step.percentOfParent())}, a.x() + 8,
                    a.y() + a.height() / 2, false, true);
            return;
        }
        Shape oldClip = g.getClip();
        g.clip(frame);
        if (p.dots() != null) {
            if (svg) {
                // The dots as our own PNG (one fast encode) instead of JFreeSVG's default, which runs ImageIO's
                // writer (every filter on every row at a high deflate level) and loads ImageIO and its plug-in
                // registry into every run. A data URI keeps the sheet one self-contained file.
                g.setRenderingHint(SVGHints.KEY_IMAGE_HANDLING, SVGHints.VALUE_IMAGE_HANDLING_REFERENCE);
                g.setRenderingHint(SVGHints.KEY_IMAGE_HREF, "data:image/png;base64,"
                        + Base64.getEncoder().encodeToString(PngEncoder.encode(p.dots(), true)));
            }
            g.drawImage(p.dots(), (int) a.x(), (int) a.y(), (int) a.width(), (int) a.height(), null);
        } else {
            paintHistogram(p);
        }
        paintGates(p);
        g.setClip(oldClip);
        hint("plot-" + idOf(step.population()));
        g.setColor(FRAME);
        g.setStroke(new BasicStroke(1f));
        g.draw(frame);
        paintXAxis(a, a.xAxis());
        paintYAxis(a, a.yAxis() != null ? a.yAxis() : p.countAxis(), a.yAxis() == null);
        paintLabels(p);
    }

    private static String describe(Gate gate) {
        if (gate instanceof RectangleGate r) {
            return r.ranges().size() == 1 ? "range gate" : "rectangle gate";
        }
        if (gate instanceof PolygonGate) {
            return "polygon gate";
        }
        if (gate instanceof EllipsoidGate) {
            return "ellipse gate";
        }
        if (gate instanceof QuadrantGate) {
            return "quadrant gate";
        }
        BooleanGate b = (BooleanGate) gate;
        StringBuilder sb = new StringBuilder(b.operator() == BooleanGate.Operator.NOT ? "not " : "");
        for (int i = 0; i < b.references().size(); i++) {
            BooleanGate.Reference r = b.references().get(i);
            if (i > 0) {
                sb.append(b.operator() == BooleanGate.Operator.OR ? " or " : " and ");
            }
            sb.append(r.complement() ? "not " : "").append(r.gateId());
        }
        return sb.toString();
    }

    private void paintHistogram(Panel p) {
        Path2D.Double path = histogramOutline(p);
        for (GateOutline.Shape s : p.outlines()) {
            g.setColor(GATE_BAND);
            g.fill(s.path());
        }
        g.setColor(HIST_FILL);
        g.fill(path);
        // The kept part of the distribution in the gate colour: the eye reads what the threshold selects.
        Shape clip = g.getClip();
        for (GateOutline.Shape s : p.outlines()) {
            g.clip(s.path());
            g.setColor(GATE_SHADE);
            g.fill(path);
            g.setClip(clip);
        }
        g.setColor(HIST_LINE);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(path);
    }

    /**
     * The histogram's outline, closed along the x axis. A method of its own: its loop inside paintHistogram had the
     * JIT compile all of paintHistogram's drawing, inlined, on the stack (0.8 s of C2 time in one 48-file run).
     */
    private static Path2D.Double histogramOutline(Panel p) {
        PlotArea a = p.area();
        double[] h = p.histogram();
        Axis counts = p.countAxis();
        Path2D.Double path = new Path2D.Double();
        double binW = a.width() / h.length;
        double base = a.y() + a.height();
        path.moveTo(a.x(), base);
        for (int i = 0; i < h.length; i++) {
            double y = base - counts.fraction(h[i]) * a.height();
            path.lineTo(a.x() + (i + 0.5) * binW, y);
        }
        path.lineTo(a.x() + a.width(), base);
        path.closePath();
        return path;
    }

    private void paintGates(Panel p) {
        List<GateOutline.Shape> outlines = p.outlines();
        String base = "gate-" + idOf(p.step().population()) + "-";
        for (int k = 0; k < outlines.size(); k++) {
            GateOutline.Shape s = outlines.get(k);
            g.setColor(GATE);
            g.setStroke(s.complement()
                    ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5, 4}, 0)
                    : new BasicStroke(1.6f));
            hint(base + k);
            g.draw(s.path());
        }
    }

    private void paintLabels(Panel p) {
        GatingStep step = p.step();
        PlotArea a = p.area();
        if (!p.quadrantPercents().isEmpty()) {
            QuadrantGate q = (QuadrantGate) step.gate();
            for (RectangleGate r : q.asRectangles()) {
                Rectangle2D box = GateOutline.rectangle(r, a).getBounds2D().createIntersection(a.bounds());
                if (box.isEmpty()) {
                    continue;
                }
                boolean right = box.getMaxX() >= a.x() + a.width() - 0.5;
                boolean upper = box.getMinY() <= a.y() + 0.5;
                String pct = percent(p.quadrantPercents().get(r.id()));
                label(a, new String[] {r.id(), pct}, right ? box.getMaxX() - 4 : box.getMinX() + 4,
                        upper ? box.getMinY() + 4 : box.getMaxY() - 34, right, r.id().equals(step.population()));
            }
            return;
        }
        String text = step.population() + " " + percent(step.percentOfParent());
        Rectangle2D box = null;
        for (GateOutline.Shape s : p.outlines()) {
            Rectangle2D b = s.path().getBounds2D();
            box = box == null ? b : box.createUnion(b);
        }
        Rectangle2D visible = box == null ? null : box.createIntersection(a.bounds());
        if (visible == null || visible.isEmpty()) {
            label(a, new String[] {text}, a.x() + 4, a.y() + 4, false, true);
            return;
        }
        // Above the gate when there is room, else just inside its top edge; kept inside the plot.
        double y = visible.getMinY() - 24 >= a.y() ? visible.getMinY() - 24 : visible.getMinY() + 4;
        label(a, new String[] {text}, visible.getMinX() + 2, y, false, true);
    }

    private static String percent(double pct) {
        return SheetText.fixed(pct, pct < 10 ? 2 : 1) + "%";
    }

    /** A label on a white rounded box, so it reads over dense dots; kept inside the plot frame. */
    private void label(PlotArea a, String[] lines, double x, double y, boolean alignRight, boolean strong) {
        g.setFont(font(strong ? Font.BOLD : Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        double textW = 0;
        for (String line : lines) {
            textW = Math.max(textW, fm.stringWidth(line));
        }
        double w = textW + 10;
        double h = 4 + 14 * lines.length;
        double bx = alignRight ? x - w : x;
        // Inside the frame: a label hanging over the next panel would be read as belonging to it.
        bx = Math.max(a.x() + 2, Math.min(bx, a.x() + a.width() - w - 2));
        y = Math.max(a.y() + 2, Math.min(y, a.y() + a.height() - h - 2));
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(new RoundRectangle2D.Double(bx, y, w, h, 6, 6));
        g.setColor(GATE);
        g.setStroke(new BasicStroke(0.8f));
        g.draw(new RoundRectangle2D.Double(bx, y, w, h, 6, 6));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], (float) (bx + 5), (float) (y + 13.5 + 14 * i));
        }
    }

    private void paintXAxis(PlotArea a, Axis axis) {
        double base = a.y() + a.height();
        g.setFont(font(Font.PLAIN, 10.5f));
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (Tick t : axis.ticks()) {
            double x = a.px(t.position());
            g.setColor(t.major() ? INK : MUTED);
            g.draw(new Line2D.Double(x, base, x, base + (t.major() ? 5 : 3)));
            if (!t.label().isEmpty()) {
                g.setColor(INK);
                g.drawString(t.label(), (float) (x - fm.stringWidth(t.label()) / 2.0), (float) (base + 17));
            }
        }
        g.setFont(font(Font.BOLD, 12));
        g.setColor(INK);
        FontMetrics bm = g.getFontMetrics();
        g.drawString(axis.label(), (float) (a.x() + (a.width() - bm.stringWidth(axis.label())) / 2), (float) (base + 36));
    }

    private void paintYAxis(PlotArea a, Axis axis, boolean counts) {
        g.setFont(font(Font.PLAIN, 10.5f));
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (Tick t : axis.ticks()) {
            double y = a.y() + a.height() - axis.fraction(t.position()) * a.height();
            g.setColor(t.major() ? INK : MUTED);
            g.draw(new Line2D.Double(a.x() - (t.major() ? 5 : 3), y, a.x(), y));
            if (!t.label().isEmpty()) {
                g.setColor(INK);
                g.drawString(t.label(), (float) (a.x() - 8 - fm.stringWidth(t.label())), (float) (y + 4));
            }
        }
        g.setFont(font(counts ? Font.PLAIN : Font.BOLD, 12));
        g.setColor(counts ? MUTED : INK);
        FontMetrics bm = g.getFontMetrics();
        AffineTransform saved = g.getTransform();
        double cx = a.x() - 50;
        double cy = a.y() + (a.height() + bm.stringWidth(axis.label())) / 2;
        g.translate(cx, cy);
        g.rotate(-Math.PI / 2);
        g.drawString(axis.label(), 0f, 0f);
        g.setTransform(saved);
    }
}
