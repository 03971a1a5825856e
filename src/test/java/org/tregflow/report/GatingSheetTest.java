package org.tregflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.gating.BooleanGate;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.EllipsoidGate;
import org.tregflow.gating.Population;
import org.tregflow.gating.QuadrantGate;
import org.tregflow.gating.RectangleGate;
import org.tregflow.transform.Linear;
import org.tregflow.transform.Logicle;

class GatingSheetTest {
    /** flin with T = 1, A = 0 is the identity: gate coordinates are the values, and the axis is [0, 1]. */
    private static final Dimension X = Dimension.of("X", new Linear(1, 0));
    private static final Dimension Y = Dimension.of("Y", new Linear(1, 0));
    private static final Logicle LOGICLE = new Logicle(262_144, 0.5, 4.5, 0);

    @TempDir
    Path dir;

    /** A 100 x 100 grid of events at ((i + 0.5) / 100, (j + 0.5) / 100): shares of any box are known exactly. */
    private static ArraySource grid() {
        int n = 10_000;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] fl = new double[n];
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < 100; j++) {
                x[i * 100 + j] = (i + 0.5) / 100;
                y[i * 100 + j] = (j + 0.5) / 100;
                fl[i * 100 + j] = Math.pow(10, 1 + 4.0 * i / 100); // 10 .. 10^5, log-spaced
            }
        }
        return new ArraySource(n).with("X", x).with("Y", y).with("CD25", fl);
    }

    /** The SVG is well-formed XML (a browser shows nothing but a parse error otherwise). */
    private static void assertWellFormed(String svg) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        org.w3c.dom.Document doc = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(
                new java.io.StringReader(svg)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
    }

    private static double[] frame(String svg, String population) {
        Matcher m = Pattern.compile("<rect id='plot-" + population + "' x='([-0-9.]+)' y='([-0-9.]+)' width='([0-9.]+)'"
                + " height='([0-9.]+)'").matcher(svg);
        assertTrue(m.find(), "plot frame of " + population + " in the SVG");
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))};
    }

    /** The vertices of the outline path with this id (M/L commands; JFreeSVG writes absolute coordinates). */
    private static List<double[]> outline(String svg, String id) {
        int at = svg.indexOf("id='" + id + "'");
        assertTrue(at >= 0, "no element " + id + " in the SVG");
        Matcher m = Pattern.compile("<path[^>]* d='([^']*)'").matcher(svg);
        assertTrue(m.find(at), "no path after " + id);
        List<double[]> pts = new ArrayList<>();
        Matcher c = Pattern.compile("[ML]\\s*([-0-9.E]+)\\s*,\\s*([-0-9.E]+)").matcher(m.group(1));
        while (c.find()) {
            pts.add(new double[] {Double.parseDouble(c.group(1)), Double.parseDouble(c.group(2))});
        }
        return pts;
    }

    private static GatingStep step(String name, org.tregflow.gating.Gate gate, ArraySource src, Population parent,
                                   Population events) {
        return new GatingStep(name, "All events", gate, List.of(), parent, events);
    }

    @Test
    void rectangleOutlineCornersMapToPlotPixels() throws Exception {
        ArraySource src = grid();
        Population all = Population.all(src.eventCount());
        RectangleGate box = new RectangleGate("Box", null, List.of(new RectangleGate.Range(X, 0.25, 0.75),
                RectangleGate.Range.atLeast(Y, 0.5)));
        Population in = box.apply(src, all);
        assertEquals(2500, in.count()); // 50 columns x 50 rows of the grid
        GatingSheet.SheetFiles files = GatingSheet.write("grid", "rectangle", src,
                List.of(step("Box", box, src, all, in)), dir);
        String svg = Files.readString(files.svg());
        assertWellFormed(svg);
        double[] f = frame(svg, "Box");
        assertEquals(256, f[2]);
        List<double[]> pts = outline(svg, "gate-Box-0");
        double left = f[0] + 0.25 * f[2];
        double right = f[0] + 0.75 * f[2];
        double bottom = f[1] + f[3] - 0.5 * f[3];
        double openTop = f[1] - 0.05 * f[3]; // the open max is drawn past the top edge (clipped there)
        double[][] expected = {{left, bottom}, {right, bottom}, {right, openTop}, {left, openTop}};
        for (int k = 0; k < expected.length; k++) {
            // JFreeSVG writes coordinates in float precision: 1e-4 px is far below what anyone sees.
            assertEquals(expected[k][0], pts.get(k)[0], 1e-4, "corner " + k + " x");
            assertEquals(expected[k][1], pts.get(k)[1], 1e-4, "corner " + k + " y");
        }
        assertTrue(svg.contains(">Box 25.0%<"), "percentage of parent written on the gate");

        // The PNG is drawn from the same geometry at PNG_SCALE: the gate's bottom edge is ink, and the dots under
        // the gate are coloured (not the white background).
        double s = GatingSheet.PNG_SCALE;
        BufferedImage png = ImageIO.read(files.png().toFile());
        assertNotNull(png, "the PNG decodes");
        int[] size = GatingSheet.sheetSize(1);
        assertEquals((int) Math.ceil(size[0] * s), png.getWidth());
        assertEquals((int) Math.ceil(size[1] * s), png.getHeight());
        int edge = png.getRGB((int) Math.round((left + right) / 2 * s), (int) Math.round(bottom * s)) & 0xFFFFFF;
        assertTrue(((edge >> 16) & 0xFF) < 90 && (edge & 0xFF) < 90, "gate edge pixel is dark: "
                + Integer.toHexString(edge));
        // The event at (0.105, 0.105) falls in bin 26 of 256 on both axes (one bin = one sheet pixel, y upwards).
        int bin = (int) Math.floor(0.105 * 256);
        int dot = png.getRGB((int) (s * (f[0] + bin + 0.5)), (int) (s * (f[1] + 255 - bin + 0.5)));
        assertTrue((dot & 0xFFFFFF) != 0xFFFFFF, "events are drawn in the plot");
        assertTrue(svg.contains("xlink:href='data:image/png;base64,"), "dots embedded as a PNG data URI");
        // The embedded dots decode (with ImageIO, an independent decoder) to one pixel per bin, drawn over the
        // plot frame at its size, and show the same event in the same bin as the sheet PNG.
        java.util.regex.Matcher img = java.util.regex.Pattern.compile(
                "<image[^>]*xlink:href='data:image/png;base64,([A-Za-z0-9+/=]+)'[^>]*>").matcher(svg);
        assertTrue(img.find(), "an <image> element with the dots");
        BufferedImage dots = ImageIO.read(new java.io.ByteArrayInputStream(
                java.util.Base64.getDecoder().decode(img.group(1))));
        assertNotNull(dots, "the embedded dots decode");
        assertEquals(256, dots.getWidth());
        assertEquals(256, dots.getHeight());
        assertTrue(img.group().contains("width='256.0'") && img.group().contains("height='256.0'"), "drawn at 1 bin = 1 px");
        assertEquals(dot | 0xFF000000, dots.getRGB(bin, 255 - bin), "the same colour in the SVG's dots");
        assertEquals(0, dots.getRGB(255, 0) >>> 24, "no event there: transparent");
    }

    @Test
    void logicleRangeGateThresholdIsDrawnAtItsTransformedPosition() throws Exception {
        ArraySource src = grid();
        Dimension cd25 = Dimension.of("CD25", LOGICLE);
        Population all = Population.all(src.eventCount());
        RectangleGate hi = RectangleGate.range("CD25hi", null, cd25, LOGICLE.apply(1000), Double.POSITIVE_INFINITY);
        Population in = hi.apply(src, all);
        // Values 10^(1 + 4i/100) >= 10^3 for i >= 50: half of the grid's columns.
        assertEquals(5000, in.count());
        String svg = Files.readString(GatingSheet.write("hist", null, src, List.of(new GatingStep("CD25hi", null, hi,
                List.of(), all, in, List.of(), "density_valley")), dir).svg());
        assertTrue(svg.contains(">density valley<"), "how the threshold was found is shown");
        double[] f = frame(svg, "CD25hi");
        List<double[]> pts = outline(svg, "gate-CD25hi-0");
        double x = pts.get(0)[0];
        assertEquals(f[0] + LOGICLE.apply(1000) * f[2], x, 1e-4);
        // Read back through the closed-form inverse: the line is at 1000 in data units.
        assertEquals(1000, LOGICLE.inverse((x - f[0]) / f[2]), 0.01);
        assertTrue(svg.contains(">10³<") && svg.contains(">10⁴<") && svg.contains(">0<"), "logicle tick labels");
        assertTrue(svg.contains(">CD25hi 50.0%<"));
        assertTrue(svg.contains(">events<"), "a 1-D gate is drawn on a histogram of counts");
    }

    /** An ellipse gate of the grid, tilted: its outline and clipping exercise the drawing. */
    private static EllipsoidGate tiltedEllipse() {
        return new EllipsoidGate("Ell", null, List.of(X, Y), new double[] {0.4, 0.6},
                new double[][] {{0.02, 0.008}, {0.008, 0.01}}, 1.5);
    }

    @Test
    void theSameSheetIsTheSameBytes(@TempDir Path other) throws Exception {
        ArraySource src = grid();
        Population all = Population.all(src.eventCount());
        EllipsoidGate e = tiltedEllipse();
        List<GatingStep> steps = List.of(step("Ell", e, src, all, e.apply(src, all)));
        GatingSheet.SheetFiles a = GatingSheet.write("same", "t", src, steps, dir);
        GatingSheet.SheetFiles b = GatingSheet.write("same", "t", src, steps, other);
        assertTrue(Files.readString(a.svg()).contains("clip-path"), "the sheet clips its plots");
        assertEquals(Files.readString(a.svg()), Files.readString(b.svg()));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(a.png()), Files.readAllBytes(b.png())));
    }

    /** A kept canvas draws each sheet as a new one would: nothing of the sheet before it shows. */
    @Test
    void aCanvasKeptFromSheetToSheetLeavesNothingOfTheLastOne(@TempDir Path other) throws Exception {
        ArraySource src = grid();
        Population all = Population.all(src.eventCount());
        EllipsoidGate e = tiltedEllipse();
        RectangleGate r = new RectangleGate("Box", null, List.of(new RectangleGate.Range(X, 0.1, 0.5),
                new RectangleGate.Range(Y, 0.2, 0.7)));
        SheetCanvas canvas = new SheetCanvas();
        GatingSheet.write("first", "a", src, List.of(step("Ell", e, src, all, e.apply(src, all))), dir, canvas);
        List<GatingStep> steps = List.of(step("Box", r, src, all, r.apply(src, all)));
        GatingSheet.SheetFiles kept = GatingSheet.write("second", "b", src, steps, dir, canvas);
        GatingSheet.SheetFiles fresh = GatingSheet.write("second", "b", src, steps, other);
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(fresh.png()), Files.readAllBytes(kept.png())));
    }

    @Test
    void aCanvasIsLentOnceAtATimeAndKeptForTheNextSheet() {
        SheetCanvas canvas = new SheetCanvas();
        BufferedImage first = canvas.lend(40, 30);
        BufferedImage meanwhile = canvas.lend(40, 30);
        assertFalse(first == meanwhile, "a sheet still drawing keeps its raster");
        canvas.giveBack(meanwhile); // not the kept one: changes nothing
        assertFalse(first == canvas.lend(40, 30));
        canvas.giveBack(first);
        assertTrue(first == canvas.lend(40, 30), "given back, it serves the next sheet");
        canvas.giveBack(first);
        BufferedImage larger = canvas.lend(50, 30);
        assertEquals(50, larger.getWidth());
        assertFalse(first == larger);
    }

    @Test
    void ellipseOutlineLiesOnTheGateBoundary() throws Exception {
        ArraySource src = grid();
        Population all = Population.all(src.eventCount());
        double[] mean = {0.4, 0.6};
        double[][] cov = {{0.02, 0.008}, {0.008, 0.01}};
        EllipsoidGate e = new EllipsoidGate("Ell", null, List.of(X, Y), mean, cov, 1.5);
        Population in = e.apply(src, all);
        String svg = Files.readString(GatingSheet.write("ell", null, src, List.of(step("Ell", e, src, all, in)), dir)
                .svg());
        double[] f = frame(svg, "Ell");
        double[][] inv = e.inverseCovariance();
        List<double[]> pts = outline(svg, "gate-Ell-0");
        assertTrue(pts.size() >= 64, "a smooth outline");
        for (double[] p : pts) {
            double dx = (p[0] - f[0]) / f[2] - mean[0];
            double dy = (f[1] + f[3] - p[1]) / f[3] - mean[1];
            double q = dx * dx * inv[0][0] + 2 * dx * dy * inv[0][1] + dy * dy * inv[1][1];
            assertEquals(1.5, q, 1e-3, "outline point on (x-μ)ᵀC⁻¹(x-μ) = d²");
        }
    }

    @Test
    void quadrantAndBooleanGatesDrawTheirComponents() throws Exception {
        ArraySource src = grid();
        Population all = Population.all(src.eventCount());
        QuadrantGate q = new QuadrantGate("Q", null,
                List.of(new QuadrantGate.Divider("dx", X, List.of(0.3)), new QuadrantGate.Divider("dy", Y,
                        List.of(0.6))),
                List.of(new QuadrantGate.Quadrant("LowLow", Map.of("dx", 0.0, "dy", 0.0)),
                        new QuadrantGate.Quadrant("HighHigh", Map.of("dx", 1.0, "dy", 1.0)),
                        new QuadrantGate.Quadrant("LowHigh", Map.of("dx", 0.0, "dy", 1.0)),
                        new QuadrantGate.Quadrant("HighLow", Map.of("dx", 1.0, "dy", 0.0))));
        Map<String, Population> quads = q.apply(src, all);
        RectangleGate left = new RectangleGate("Left", null, List.of(RectangleGate.Range.below(X, 0.5)));
        BooleanGate notLeft = BooleanGate.not("Right", null, "Left");
        Population right = notLeft.apply(id -> id.equals("Left") ? left.apply(src, all) : null, all);
        List<GatingStep> steps = List.of(
                new GatingStep("HighHigh", "All events", q, List.of(), all, quads.get("HighHigh")),
                new GatingStep("Right", "All events", notLeft, List.of(X, Y), all, right, List.of(left)));
        String svg = Files.readString(GatingSheet.write("combo \"<&>'", null, src, steps, dir).svg());
        assertWellFormed(svg);
        // Quadrant shares: x < 0.3 is 30 of 100 columns, y < 0.6 is 60 of 100 rows.
        assertTrue(svg.contains(">HighHigh<") && svg.contains(">28.0%<"), "70% x 40% = 28%");
        assertTrue(svg.contains(">LowLow<") && svg.contains(">18.0%<"), "30% x 60% = 18%");
        assertTrue(svg.contains(">42.0%<") && svg.contains(">12.0%<"));
        for (int k = 0; k < 4; k++) {
            assertFalse(outline(svg, "gate-HighHigh-" + k).isEmpty(), "outline of quadrant " + k);
        }
        // The boolean gate is drawn as its referenced gate's outline, dashed (it is a complement).
        double[] f = frame(svg, "Right");
        List<double[]> pts = outline(svg, "gate-Right-0");
        assertEquals(f[0] + 0.5 * f[2], pts.get(1)[0], 1e-4, "right edge of Left at x = 0.5");
        int at = svg.indexOf("id='gate-Right-0'");
        assertTrue(svg.substring(at, svg.indexOf('>', at)).contains("stroke-dasharray"), "complement drawn dashed");
        assertTrue(svg.contains(">Right 50.0%<"));
        assertTrue(svg.contains("not Left"), "the boolean expression is named in the panel");

        // Without its operands a boolean gate has nothing to plot: the panel states the expression and the share.
        String bare = Files.readString(GatingSheet.write("bare", null, src, List.of(new GatingStep("Right", null,
                notLeft, List.of(), all, right)), dir).svg());
        assertWellFormed(bare);
        assertTrue(bare.contains(">Right 50.0%<") && bare.contains(">not Left<"), "text panel");
    }

    @Test
    void emptyParentsAndUndefinedValuesStillMakeASheet() throws Exception {
        // flog of zero or negative values is -Infinity / NaN (as FlowKit computes it): nothing to bin there.
        ArraySource src = new ArraySource(4).with("X", new double[] {-5, 0, Double.NaN, 100})
                .with("Y", new double[] {1, 2, 3, 4});
        Dimension logX = Dimension.of("X", new org.tregflow.transform.Log(1000, 3));
        Population all = Population.all(4);
        RectangleGate g = new RectangleGate("G", null, List.of(RectangleGate.Range.atLeast(logX, 0.5),
                RectangleGate.Range.atLeast(Y, 0)));
        Population in = g.apply(src, all);
        assertEquals(1, in.count(), "only x = 100 has a defined log value >= 10^1.5");
        Population none = Population.none(4);
        String svg = Files.readString(GatingSheet.write("edge", null, src, List.of(
                new GatingStep("G", null, g, List.of(), all, in),
                new GatingStep("Empty", "G", RectangleGate.range("Empty", null, logX, 0.9, 1), List.of(), none, none)),
                dir).svg());
        assertWellFormed(svg);
        assertTrue(svg.contains(">G 25.0%<") && svg.contains(">Empty 0.00%<"));
    }

    @Test
    void fileNamesAreSafeAndStable() {
        assertEquals("P01_V0", GatingSheet.fileStem("P01_V0.fcs"));
        assertEquals("site_A_P01_V0", GatingSheet.fileStem("site A/P01_V0.FCS"));
        assertEquals("__etc_passwd", GatingSheet.fileStem("../etc/passwd"));
        assertFalse(GatingSheet.fileStem("../../x").contains("/"));
        assertEquals("sample", GatingSheet.fileStem(""));
    }

    @Test
    void mismatchedPopulationsAreRefused() {
        Population a = Population.all(10);
        Population b = Population.all(11);
        RectangleGate g = RectangleGate.range("G", null, X, 0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GatingStep("G", null, g, List.of(), a, b));
        assertTrue(e.getMessage().contains("10 and 11"), e.getMessage());
    }
}
