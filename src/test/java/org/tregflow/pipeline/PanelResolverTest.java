package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tregflow.fcs.Channel;
import org.tregflow.fcs.Keywords;

class PanelResolverTest {
    private static List<Channel> channels(String... nameStain) {
        List<Channel> out = new ArrayList<>();
        for (int i = 0; i < nameStain.length; i += 2) {
            out.add(Channel.ofFloat(i / 2 + 1, nameStain[i], nameStain[i + 1], 262144));
        }
        return out;
    }

    private static PanelResolver resolver(List<String> markers, List<String> optional, Map<String, List<String>> aliases) {
        return new PanelResolver(new PipelineDefinition.Panel(markers, optional, List.of("FSC-A", "FSC-H", "SSC-A"), aliases));
    }

    @Test
    void labSpellingsResolve() throws Exception {
        List<Channel> ch = channels(
                "FSC-A", null, "FSC-H", null, "SSC-A", null,
                "B1-A", "CD3 FITC", "YG1-A", "CD25-PE", "B3-A", "CD4 PerCP-Cy5.5",
                "R1-A", "FoxP3 Alexa Fluor 647", "V2-A", "hCD8 BV510", "Comp-YG4-A", "Comp-CD127 PE-Cy7",
                "V3-A", "Live/Dead BV605", "CD45 APC-H7-A", "CD45 APC-H7");
        PanelResolution r = resolver(List.of("CD3", "CD4", "CD8", "CD25", "CD127", "FOXP3"), List.of("Viability"),
                Map.of("Viability", List.of("Live/Dead"))).resolve(ch);
        assertEquals("B1-A", r.channel("CD3").name());
        assertEquals("YG1-A", r.channel("CD25").name());
        // CD4 must not take the CD45 channel: tokens, not prefixes.
        assertEquals("B3-A", r.channel("CD4").name());
        assertEquals("R1-A", r.channel("FOXP3").name());
        assertEquals("V2-A", r.channel("CD8").name());
        assertEquals("Comp-YG4-A", r.channel("CD127").name());
        assertEquals("V3-A", r.channel("Viability").name());
        assertEquals("FSC-H", r.channel("FSC-H").name());
        assertTrue(r.missingOptional().isEmpty());
    }

    /**
     * The fluorochrome-first labels of a real panel (OMIP-021, LSRFortessa, ../shared/data/cytopipeline): CD3 and
     * CD4 are found, CD8 with its two chains (CD8a, CD8b) is not guessed, a dump channel is not taken for CD3, and
     * a file labelled both ways for one marker is ambiguous.
     */
    @Test
    void fluorochromeFirstLabelsResolve() throws Exception {
        List<Channel> ch = channels("FSC-A", null, "FSC-H", null, "SSC-A", null,
                "BV421-A", "BV421 - TETaGC", "BV510-A", "L/D Aqua - Viability", "BV650-A", "BV650 - CD8a",
                "BV785-A", "BV785 - CD3", "APC-A", "APC - CD8b", "APC-Cy7-A", "APCCy7 - CD4",
                "AF700-A", "AF700 - CD45RO", "PE-A", "PE - TCR Va7");
        PanelResolution r = resolver(List.of("CD3", "CD4"), List.of("Viability"), Map.of()).resolve(ch);
        assertEquals("BV785-A", r.channel("CD3").name());
        assertEquals("APC-Cy7-A", r.channel("CD4").name());
        assertEquals("BV510-A", r.channel("Viability").name());

        PanelException e = assertThrows(PanelException.class,
                () -> resolver(List.of("CD3", "CD8", "FOXP3"), List.of(), Map.of()).resolve(ch));
        assertTrue(e.getMessage().startsWith("no channels for markers CD8, FOXP3 (its $PnS values are BV421 - TETaGC,"),
                e.getMessage());
        assertEquals(1, e.getMessage().split("\\$PnS values", -1).length - 1, "the labels are listed once: " + e.getMessage());
        assertEquals("BV650-A", resolver(List.of("CD8"), List.of(), Map.of("CD8", List.of("CD8a"))).resolve(ch)
                .channel("CD8").name());

        List<Channel> dump = channels("FSC-A", null, "FSC-H", null, "SSC-A", null, "V1-A", "CD14 CD19 CD3");
        assertThrows(PanelException.class, () -> resolver(List.of("CD3"), List.of(), Map.of()).resolve(dump));
        List<Channel> both = channels("FSC-A", null, "FSC-H", null, "SSC-A", null, "B1-A", "CD3 FITC",
                "V5-A", "BV785 - CD3");
        PanelException twice = assertThrows(PanelException.class,
                () -> resolver(List.of("CD3"), List.of(), Map.of()).resolve(both));
        assertTrue(twice.getMessage().contains("marker CD3 is ambiguous"), twice.getMessage());
    }

    @Test
    void areaWinsOverHeightOfTheSameDetector() throws Exception {
        List<Channel> ch = channels("FSC-A", null, "FSC-H", null, "SSC-A", null, "FITC-H", "CD3 FITC", "FITC-A", "CD3 FITC");
        assertEquals("FITC-A", resolver(List.of("CD3"), List.of(), Map.of()).resolve(ch).channel("CD3").name());
    }

    @Test
    void twoDetectorsForOneMarkerIsAnErrorNamingBoth() {
        List<Channel> ch = channels("FSC-A", null, "FSC-H", null, "SSC-A", null, "FITC-A", "CD3 FITC", "BV510-A", "CD3 BV510");
        PanelException e = assertThrows(PanelException.class, () -> resolver(List.of("CD3"), List.of(), Map.of()).resolve(ch));
        assertTrue(e.getMessage().contains("marker CD3 is ambiguous"), e.getMessage());
        assertTrue(e.getMessage().contains("FITC-A (CD3 FITC)") && e.getMessage().contains("BV510-A (CD3 BV510)"), e.getMessage());
    }

    @Test
    void missingMarkerNamesItAndTheStainsTheFileHas() {
        List<Channel> ch = channels("FSC-A", null, "FSC-H", null, "SSC-A", null, "FITC-A", "CD3 FITC", "PE-A", "CD25 PE");
        PanelException e = assertThrows(PanelException.class,
                () -> resolver(List.of("CD3", "FOXP3", "CD25"), List.of(), Map.of()).resolve(ch));
        assertTrue(e.getMessage().contains("no channel for marker FOXP3"), e.getMessage());
        assertTrue(e.getMessage().contains("CD3 FITC, CD25 PE"), e.getMessage());
        assertTrue(e.getMessage().contains("panel.aliases.FOXP3"), e.getMessage());
    }

    @Test
    void missingOptionalMarkerIsReportedNotFatal() throws Exception {
        List<Channel> ch = channels("FSC-A", null, "FSC-H", null, "SSC-A", null, "FITC-A", "CD3 FITC");
        PanelResolution r = resolver(List.of("CD3"), List.of("Viability"), Map.of()).resolve(ch);
        assertEquals(java.util.Set.of("Viability"), r.missingOptional());
    }

    @Test
    void beckmanScatterNamesAndAliases() throws Exception {
        List<Channel> ch = channels("FS INT", null, "FS PEAK", null, "SS INT", null, "FL1 INT", "CD3");
        PanelResolution r = resolver(List.of("CD3"), List.of(), Map.of()).resolve(ch);
        assertEquals("FS INT", r.channel("FSC-A").name());
        assertEquals("FS PEAK", r.channel("FSC-H").name());
        assertEquals("SS INT", r.channel("SSC-A").name());

        List<Channel> odd = channels("Forward", null, "FSC-H", null, "SSC-A", null, "FL1", "CD3");
        assertThrows(PanelException.class, () -> resolver(List.of("CD3"), List.of(), Map.of()).resolve(odd));
        PanelResolution aliased = resolver(List.of("CD3"), List.of(), Map.of("FSC-A", List.of("Forward"))).resolve(odd);
        assertEquals("Forward", aliased.channel("FSC-A").name());
    }

    @Test
    void markerInPnNWhenNoStainMatches() throws Exception {
        List<Channel> ch = channels("FSC-A", null, "FSC-H", null, "SSC-A", null, "CD3 FITC-A", null);
        assertEquals("CD3 FITC-A", resolver(List.of("CD3"), List.of(), Map.of()).resolve(ch).channel("CD3").name());
    }

    @Test
    void channelsFromTextKeywordsOnly() {
        Keywords k = new Keywords();
        k.put("$PAR", "2");
        k.put("$P1N", "FSC-A");
        k.put("$P2N", "FITC-A");
        k.put("$P2S", "CD3 FITC");
        List<Channel> ch = PanelResolver.channelsOf(k);
        assertEquals(2, ch.size());
        assertEquals("CD3 FITC", ch.get(1).marker());
        assertEquals(null, ch.get(0).marker());
    }
}
