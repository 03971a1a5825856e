package org.tregflow.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jfree.svg.SVGGraphics2D;
import org.tregflow.io.AtomicFile;
import org.tregflow.io.SideTask;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.EventSource;
import org.tregflow.gating.Population;
import org.tregflow.gating.QuadrantGate;
import org.tregflow.gating.RectangleGate;

/**
 * A gating sheet: every step of one sample's gate tree as a plot of the parent population with the gate drawn on
 * it, as a scientist signs a file off. Written as SVG (axes, gates and labels as vectors; each plot's dots one
 * embedded PNG image) and as a PNG of the whole sheet for quick viewing.
 */
public final class GatingSheet {
    /** Plot side in sheet pixels; also the number of density bins per axis, so one bin is one pixel. */
    static final int PLOT = 256;
    static final int COLUMNS = 4;
    static final int MARGIN = 16;
    static final int HEADER = 64;
    static final int FOOTER = 24;
    static final int PANEL_WIDTH = 344;
    static final int PANEL_HEIGHT = 356;
    /** Plot origin inside its panel: room for the title above and the y axis on the left. */
    static final int PLOT_LEFT = 70;
    static final int PLOT_TOP = 50;
    /** The whole-sheet PNG is for a quick look (the SVG is the sharp one): 1x keeps drawing under the analysis time. */
    static final double PNG_SCALE = 1;

    /** The files written for one sheet; null for a format not asked for. */
    public record SheetFiles(Path svg, Path png) {
    }

    static {
        // Sheets are drawn off-screen: never reach for a display (a batch on a workstation with $DISPLAY set, or a
        // server without one, must behave the same).
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private GatingSheet() {
    }

    /**
     * Loads and initialises what drawing a sheet needs — Java2D's rasteriser, the font system (fontconfig, glyph
     * rasterising), JFreeSVG — by drawing a few glyphs and shapes off-screen. That costs ~0.3 s of a fresh JVM
     * whatever the sheet's size, so the batch runner calls this on a background thread while the first file is
     * being analysed. Once per JVM; a sheet drawn while it runs waits for it (never two threads initialising the
     * font system at once). Never throws: a real problem shows when the sheet itself is drawn.
     */
    public static void warmUp() {
        WarmUp.done();
    }

    /** Class initialisation runs the warm-up once and makes every other caller wait until it is over. */
    private static final class WarmUp {
        static {
            try {
                BufferedImage img = new BufferedImage(64, 24, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                try {
                    hints(g);
                    new SheetPainter(g, false).warmUp();
                } finally {
                    g.dispose();
                }
                SVGGraphics2D svg = new SVGGraphics2D(64, 24);
                svg.setFontFunction(family -> SheetPainter.FONT_STACK);
                new SheetPainter(svg, true).warmUp();
                svg.getSVGDocument();
                PngEncoder.encode(img, false);
            } catch (RuntimeException | LinkageError | java.awt.AWTError e) {
                // The sheet itself will fail the same way and say so as a warning of its sample.
            }
        }

        static void done() {
        }
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    }

    /**
     * Writes {@code dir/<stem>.svg} and {@code dir/<stem>.png} (stem = {@link #fileStem(String)}) atomically and
     * returns their paths.
     *
     * @param source the event source the gates were applied to (values per dimension, compensated, transformed)
     */
    public static SheetFiles write(String sampleId, String title, EventSource source, List<GatingStep> steps, Path dir)
            throws IOException {
        return write(sampleId, title, source, steps, dir, new SheetCanvas());
    }

    /**
     * As {@link #write(String, String, EventSource, List, Path)}, the PNG drawn on {@code canvas} (a batch worker
     * keeps one for all its sheets).
     */
    public static SheetFiles write(String sampleId, String title, EventSource source, List<GatingStep> steps, Path dir,
                                   SheetCanvas canvas) throws IOException {
        return write(sampleId, title, source, steps, dir, canvas, EnumSet.allOf(SheetFormat.class));
    }

    /**
     * As {@link #write(String, String, EventSource, List, Path, SheetCanvas)}, only the files of {@code formats}
     * (nothing is drawn for none); files of the other format already in {@code dir} are left as they are.
     */
    public static SheetFiles write(String sampleId, String title, EventSource source, List<GatingStep> steps, Path dir,
                                   SheetCanvas canvas, Set<SheetFormat> formats) throws IOException {
        if (formats.isEmpty()) {
            return new SheetFiles(null, null);
        }
        warmUp();
        List<Panel> panels = layout(source, steps);
        int[] size = sheetSize(panels.size());
        boolean drawSvg = formats.contains(SheetFormat.SVG);
        boolean drawPng = formats.contains(SheetFormat.PNG);
        // Both: the PNG is drawn and encoded on a second thread while this one writes the SVG; the two only read the
        // panels (if no core is free, this thread draws it when the SVG is done).
        SideTask<byte[]> png = drawSvg && drawPng ? SideTask.start("tregflow-sheet-png",
                () -> png(sampleId, title, source.eventCount(), panels, size, canvas)) : null;
        byte[] svgBytes = drawSvg ? svg(sampleId, title, source.eventCount(), panels, size) : null;
        byte[] pngBytes = null;
        if (png != null) {
            try {
                pngBytes = png.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while drawing the gating sheet of " + sampleId, e);
            }
        } else if (drawPng) {
            pngBytes = png(sampleId, title, source.eventCount(), panels, size, canvas);
        }
        Files.createDirectories(dir);
        Path svgPath = null;
        Path pngPath = null;
        if (svgBytes != null) {
            svgPath = SheetFormat.SVG.file(dir, sampleId);
            AtomicFile.write(svgPath, svgBytes);
        }
        if (pngBytes != null) {
            pngPath = SheetFormat.PNG.file(dir, sampleId);
            AtomicFile.write(pngPath, pngBytes);
        }
        return new SheetFiles(svgPath, pngPath);
    }

    /** The SVG document of the sheet, as UTF-8. */
    private static byte[] svg(String sampleId, String title, int events, List<Panel> panels, int[] size) {
        SVGGraphics2D svg = new SVGGraphics2D(size[0], size[1]);
        // JFreeSVG's default prefix for clip-path ids comes from System.nanoTime(): a fixed one makes the same
        // sheet the same bytes on every run (resumed runs, reviews by diff).
        svg.setDefsKeyPrefix("sheet-");
        svg.setFontFunction(family -> SheetPainter.FONT_STACK);
        new SheetPainter(svg, true).paint(sampleId, title, events, panels, size);
        return svg.getSVGDocument().getBytes(StandardCharsets.UTF_8);
    }

    /** The whole-sheet PNG: the same panels drawn by Java2D at {@link #PNG_SCALE} on the canvas, encoded. */
    private static byte[] png(String sampleId, String title, int events, List<Panel> panels, int[] size,
                              SheetCanvas canvas) {
        BufferedImage png = canvas.lend((int) Math.ceil(size[0] * PNG_SCALE), (int) Math.ceil(size[1] * PNG_SCALE));
        try {
            Graphics2D g = png.createGraphics();
            try {
                hints(g);
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, png.getWidth(), png.getHeight());
                g.scale(PNG_SCALE, PNG_SCALE);
                new SheetPainter(g, false).paint(sampleId, title, events, panels, size);
            } finally {
                g.dispose();
            }
            return PngEncoder.encode(png, false);
        } finally {
            canvas.giveBack(png);
        }
    }

    /**
     * The file name (without extension) of a sample's sheet: the sample id without a trailing ".fcs", every
     * character other than letters, digits, '.', '-' and '_' replaced by '_', so ids that are relative paths
     * stay inside the sheets folder. The cohort report links sheets by this name.
     */
    public static String fileStem(String sampleId) {
        String s = sampleId == null ? "" : sampleId.strip();
        if (s.toLowerCase(Locale.ROOT).endsWith(".fcs")) {
            s = s.substring(0, s.length() - 4);
        }
        s = SheetText.onlyAscii(s, "._-");
        int dots = 0;
        while (dots < s.length() && s.charAt(dots) == '.') {
            dots++;
        }
        s = dots == 0 ? s : "_" + s.substring(dots);
        if (s.length() > 150) {
            s = s.substring(0, 150);
        }
        return s.isEmpty() ? "sample" : s;
    }

    static int[] sheetSize(int panels) {
        int cols = Math.max(1, Math.min(COLUMNS, panels));
        int rows = Math.max(1, (panels + COLUMNS - 1) / COLUMNS);
        return new int[] {2 * MARGIN + cols * PANEL_WIDTH, HEADER + rows * PANEL_HEIGHT + FOOTER};
    }

    /** The binning and geometry part of {@link #write} alone, for benchmarks (nothing is drawn or written). */
    public static List<?> layoutForBench(EventSource source, List<GatingStep> steps) {
        return layout(source, steps);
    }

    /** Computes every panel: axes from the data and the dimensions, binned dots, gate outlines. */
    static List<Panel> layout(EventSource source, List<GatingStep> steps) {
        List<Panel> panels = new ArrayList<>(steps.size());
        for (int k = 0; k < steps.size(); k++) {
            GatingStep step = steps.get(k);
            double x0 = MARGIN + (k % COLUMNS) * PANEL_WIDTH + PLOT_LEFT;
            double y0 = HEADER + (k / COLUMNS) * PANEL_HEIGHT + PLOT_TOP;
            if (step.axes().isEmpty()) {
                // Nothing to plot (a boolean gate whose operands were not given): the panel states the result.
                panels.add(new Panel(step, new PlotArea(x0, y0, PLOT, PLOT, null, null), null, null, null, List.of(),
                        Map.of()));
                continue;
            }
            Dimension dx = step.axes().get(0);
            float[] xs = source.values(dx);
            Axis ax = Axis.of(dx, xs, step.parentEvents(), PLOT, 34);
            Map<String, Double> quadrants = quadrantPercents(step, source);
            if (step.axes().size() == 1) {
                double[] hist = Density.histogram(xs, step.parentEvents(), ax, PLOT);
                double max = 0;
                for (double h : hist) {
                    max = Math.max(max, h);
                }
                double top = max > 0 ? max * 1.1 : 1;
                Axis counts = new Axis(dx, "events", 0, top, Ticks.of(null, 0, top, PLOT, 24));
                PlotArea area = new PlotArea(x0, y0, PLOT, PLOT, ax, null);
                panels.add(new Panel(step, area, null, hist, counts, GateOutline.of(step.gate(), area,
                        step.references()), quadrants));
            } else {
                Dimension dy = step.axes().get(1);
                float[] ys = source.values(dy);
                Axis ay = Axis.of(dy, ys, step.parentEvents(), PLOT, 18);
                PlotArea area = new PlotArea(x0, y0, PLOT, PLOT, ax, ay);
                BufferedImage dots = Density.pseudocolor(xs, ys, step.parentEvents(), ax, ay, PLOT);
                panels.add(new Panel(step, area, dots, null, null, GateOutline.of(step.gate(), area,
                        step.references()), quadrants));
            }
        }
        return panels;
    }

    /** Each quadrant's share of the parent, from the quadrant gate's own rectangles. */
    private static Map<String, Double> quadrantPercents(GatingStep step, EventSource source) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (step.gate() instanceof QuadrantGate q) {
            long parent = step.parentEvents().count();
            for (RectangleGate r : q.asRectangles()) {
                Population p = r.id().equals(step.population()) ? step.events() : r.apply(source, step.parentEvents());
                out.put(r.id(), parent == 0 ? 0 : 100.0 * p.count() / parent);
            }
        }
        return out;
    }

}
