package org.tregflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser (Debian's chromium; CI installs it): it must load with no console error, no
 * failed load and no network request, render its charts, and every sheet link must open as an SVG image.
 */
class ReportInBrowserTest {
    @TempDir
    Path dir;

    @Test
    void reportRendersInHeadlessChromiumWithoutErrors() throws Exception {
        Path chromium = HeadlessChromium.find();
        Assumptions.assumeTrue(chromium != null, "chromium not installed (apt-get install -y chromium; CI's "
                + ".ci/run installs it): skipping the browser test");
        OutputFolder folder = OutputFolder.build(dir.resolve("out"), 3, 3_000);
        Path report = CohortReport.write(folder.dir);
        try (HeadlessChromium browser = new HeadlessChromium(chromium, 1400, 2000)) {
            browser.open(report);
            assertEquals(List.of(), browser.problems(), "console errors, failed loads or network requests");
            assertEquals("Cohort report · tregflow", browser.eval("document.title").asText());
            // Charts laid out with a real size: waterfall + one trajectory per population.
            JsonNode sizes = browser.eval("[...document.querySelectorAll('svg.chart')].map(s => "
                    + "s.getBoundingClientRect().width)");
            assertEquals(1 + OutputFolder.POPULATIONS.size(), sizes.size());
            sizes.forEach(w -> assertTrue(w.asDouble() > 200, "chart rendered at width " + w));
            // Text in the system font stack is actually laid out (not a blank page).
            assertTrue(browser.eval("document.body.innerText").asText().contains("Trajectories"));

            byte[] png = browser.screenshot();
            Path shot = Path.of("target", "report-screenshot.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, png);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(1400, img.getWidth());
            assertTrue(img.getHeight() > 2000, "full page captured: " + img.getHeight());

            // Each linked sheet opens in the browser as an image with its embedded dot plots.
            List<String> links = List.of(browser.eval("[...document.querySelectorAll('a[href$=\".svg\"]')]"
                    + ".map(a => a.href)").toString().replaceAll("[\\[\\]\"]", "").split(","));
            assertEquals(folder.okSamples.size(), links.size());
            browser.open(Path.of(java.net.URI.create(links.get(0))));
            assertEquals(List.of(), browser.problems(), "the sheet SVG loads cleanly");
            assertEquals("svg", browser.eval("document.documentElement.localName").asText(), "the sheet parses as SVG");
            long plots2d = new TregSample(1_000, 0, org.tregflow.simulate.Visit.BASELINE).steps.stream()
                    .filter(s -> s.axes().size() == 2).count();
            assertEquals(plots2d, browser.eval("document.querySelectorAll('image').length").asInt(),
                    "one embedded PNG per 2-D plot");
            assertTrue(browser.eval("[...document.querySelectorAll('image')].every(i => i.getBBox().width == 256)")
                    .asBoolean(), "dot images laid out at plot size");
        }
    }
}
