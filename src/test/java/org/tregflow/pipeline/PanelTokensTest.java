package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The panel resolver's label handling is written as plain loops; here it is held to the regular expressions it
 * replaced (their definitions, kept in this test), on labels labs write and on random strings of the characters
 * that matter: separators, white space outside ASCII, line breaks, letters that change length in upper case,
 * halves of surrogate pairs. One difference on purpose: a name's suffix and a token's rest are read to their very
 * end ({@code \z}, DOTALL), where the old patterns stopped before a line break (names come trimmed; a token cannot
 * hold \n or \r, only the Unicode line separators no label uses).
 */
class PanelTokensTest {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-_/:,;()\\[\\]<>+*|]+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Z0-9]");
    private static final Pattern CD_MARKER = Pattern.compile("CD\\d.*", Pattern.DOTALL);

    private static List<String> tokensByRegex(String label) {
        String s = label.trim();
        if (s.regionMatches(true, 0, "Comp-", 0, 5) || s.regionMatches(true, 0, "Comp_", 0, 5)) {
            s = s.substring(5);
        }
        List<String> out = new ArrayList<>();
        for (String t : SEPARATORS.split(s.toUpperCase(Locale.ROOT))) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static void same(String label) {
        String shown = label.replace("\n", "\\n").replace("\r", "\\r");
        assertEquals(tokensByRegex(label), PanelResolver.tokens(label), "tokens of " + shown);
        assertEquals(NOT_ALPHANUMERIC.matcher(label.toUpperCase(Locale.ROOT)).replaceAll(""),
                PanelResolver.compact(label), "compact " + shown);
        String upper = label.toUpperCase(Locale.ROOT);
        assertEquals(upper.replaceAll("[-_ ]?[AHW]\\z", ""), PanelResolver.detector(upper), "detector of " + shown);
        for (String t : PanelResolver.tokens(label)) {
            assertEquals(CD_MARKER.matcher(t).matches(), PanelResolver.isCdMarker(t), "CD marker " + t);
        }
    }

    @Test
    void labelsAsLabsWriteThem() {
        for (String label : List.of("FoxP3 AF647", "CD25-PE", "CD4 PerCP-Cy5.5", "Live/Dead BV605", "Comp-FITC-A",
                "comp_PE-Cy7-A", "BV785 - CD3", "APCCy7 - CD4", "L/D Aqua - Viability", "CD14 CD19 CD3", "hCD3",
                "  FSC-A ", "SSC LinH", "FS INT", "CD45RA", "CD3\u2028X", "IL-7Ra (CD127)", "KI67|FITC", "FITC-A\n",
                "PE-H\r\n", "APC_W", "A", "-A", "", "   ", "Zombie NIR™", "straße", "ﬁcoll CD8", "CD\u00A0 4",
                "CD\t56<bright>", "[CD16]*", "+CD3;CD4,CD8:")) {
            same(label);
        }
        assertTrue(PanelResolver.isCdMarker("CD45RO"));
        assertFalse(PanelResolver.isCdMarker("CD"));
        assertFalse(PanelResolver.isCdMarker("CDX"));
        assertEquals(List.of("CD4", "PERCP", "CY5.5"), PanelResolver.tokens("Comp-CD4 PerCP-Cy5.5"));
    }

    @Test
    void randomStringsOfTheCharactersThatMatter() {
        String alphabet = "ACDHWaceh0123456789 \t\n\u000B\f\r-_/:,;()[]<>+*|.\u00A0\u0085\u2028\u2029\u00DF\uFB01\u0131é\uD83D\uDE00";
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder(i % 7 == 0 ? "Comp-" : "");
            int length = rng.nextInt(12);
            for (int k = 0; k < length; k++) {
                sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
            }
            same(sb.toString());
        }
    }
}
