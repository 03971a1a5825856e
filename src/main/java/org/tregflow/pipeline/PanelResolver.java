package org.tregflow.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tregflow.fcs.Channel;
import org.tregflow.fcs.Keywords;

/**
 * Finds, in one file, the channel of each marker the pipeline names, tolerant of the spellings labs use.
 *
 * <p>Fluorescence markers are matched on $PnS (then on $PnN when no $PnS matches): the label is split into
 * tokens at spaces and punctuation after dropping a "Comp-" prefix, and matches a marker when it starts with the
 * marker's tokens ("FoxP3 AF647", "CD25-PE", "CD4 PerCP-Cy5.5", "Live/Dead BV605" for the alias "Live/Dead"), or
 * when its first token is the marker with a species prefix ("hCD3"). Token matching keeps CD4 from matching CD45.
 * A label that ends with the marker's tokens after a fluorochrome matches too: the fluorochrome-first convention
 * ("BV785 - CD3", "APCCy7 - CD4", "L/D Aqua - Viability"), though not one naming another CD marker before it
 * ("CD14 CD19 CD3", a dump channel).
 * Scatter channels are matched on $PnN with separators ignored ("FSC-A", "FSC A", "FS INT" via aliases).
 *
 * <p>Two channels matching one marker is an error naming both, except the area/height/width variants of one
 * detector ("FITC-A" and "FITC-H" with the same $PnS), where the area wins as cytometrists expect.
 */
public final class PanelResolver {
    /** Spellings instruments use for scatter parameters, beyond the pipeline's own aliases. */
    static final Map<String, List<String>> SCATTER_SPELLINGS = Map.of(
            "FSC-A", List.of("FSC", "FS", "FS INT", "FS-A", "FSC-Area", "FS Lin", "FSC-Lin", "FSC LinA"),
            "FSC-H", List.of("FS PEAK", "FS PK", "FS-H", "FSC-Height", "FSC LinH"),
            "FSC-W", List.of("FS TOF", "FS-W", "FSC-Width"),
            "SSC-A", List.of("SSC", "SS", "SS INT", "SS-A", "SSC-Area", "SS Lin", "SSC-Lin", "SSC LinA"),
            "SSC-H", List.of("SS PEAK", "SS PK", "SS-H", "SSC-Height", "SSC LinH"),
            "SSC-W", List.of("SS TOF", "SS-W", "SSC-Width"));

    private final List<String> required;
    private final List<String> optional;
    private final List<String> scatter;
    private final Map<String, List<String>> aliases;

    public PanelResolver(PipelineDefinition.Panel panel) {
        this.required = panel.markers();
        this.optional = panel.optional();
        this.scatter = panel.scatter();
        Map<String, List<String>> a = new LinkedHashMap<>();
        panel.aliases().forEach((k, v) -> a.put(k.toUpperCase(Locale.ROOT), v == null ? List.of() : v));
        this.aliases = a;
    }

    /** Resolves every marker; all problems of the file are reported together in one exception. */
    public PanelResolution resolve(List<Channel> channels) throws PanelException {
        Map<String, Channel> found = new LinkedHashMap<>();
        Set<String> missingOptional = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String s : scatter) {
            try {
                Channel c = resolveScatter(s, channels);
                if (c == null) {
                    problems.add("no scatter channel " + s + " (its $PnN values are " + names(channels) + ")");
                } else {
                    found.put(s, c);
                }
            } catch (PanelException e) {
                problems.add(e.getMessage());
            }
        }
        List<String> missing = new ArrayList<>();
        for (String m : required) {
            resolveMarkerInto(m, channels, found, problems, missing);
        }
        if (!missing.isEmpty()) {
            // One message for all of them: the file's labels are listed once, not once per missing marker.
            problems.add((missing.size() == 1 ? "no channel for marker " : "no channels for markers ")
                    + String.join(", ", missing) + " (its $PnS values are " + stains(channels) + "); add the file's "
                    + (missing.size() == 1 ? "spelling under panel.aliases." + missing.get(0)
                    : "spellings under panel.aliases.<marker>"));
        }
        for (String m : optional) {
            resolveMarkerInto(m, channels, found, problems, missingOptional);
        }
        if (!problems.isEmpty()) {
            throw new PanelException(String.join("; ", problems));
        }
        return new PanelResolution(found, missingOptional);
    }

    /** Resolves one marker into {@code found}; an ambiguity goes to {@code problems}, no channel to {@code absent}. */
    private void resolveMarkerInto(String marker, List<Channel> channels, Map<String, Channel> found,
                                   List<String> problems, Collection<String> absent) {
        try {
            Channel c = resolveMarker(marker, channels);
            if (c != null) {
                found.put(marker, c);
            } else {
                absent.add(marker);
            }
        } catch (PanelException e) {
            problems.add(e.getMessage());
        }
    }

    Channel resolveMarker(String marker, List<Channel> channels) throws PanelException {
        List<List<String>> spellings = new ArrayList<>();
        spellings.add(tokens(marker));
        for (String a : aliases.getOrDefault(marker.toUpperCase(Locale.ROOT), List.of())) {
            spellings.add(tokens(a));
        }
        List<Channel> byStain = new ArrayList<>();
        List<Channel> byName = new ArrayList<>();
        for (Channel c : channels) {
            List<String> stain = c.marker() == null ? null : tokens(c.marker());
            if (stain != null && (matches(stain, spellings) || endsWithMarker(stain, spellings))) {
                byStain.add(c);
            } else if (matches(tokens(c.name()), spellings)) {
                byName.add(c);
            }
        }
        List<Channel> hits = byStain.isEmpty() ? byName : byStain;
        return pick(marker, hits);
    }

    /**
     * A fluorochrome-first label: its last tokens are a spelling of the marker and none before them looks like a
     * CD marker (a dump channel "CD14 CD19 CD3" is not the CD3 channel).
     */
    static boolean endsWithMarker(List<String> label, List<List<String>> spellings) {
        for (List<String> s : spellings) {
            int before = label.size() - s.size();
            if (s.isEmpty() || before < 1 || !label.subList(before, label.size()).equals(s)) {
                continue;
            }
            boolean otherMarker = false;
            for (String t : label.subList(0, before)) {
                otherMarker |= isCdMarker(t);
            }
            if (!otherMarker) {
                return true;
            }
        }
        return false;
    }

    Channel resolveScatter(String name, List<Channel> channels) throws PanelException {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(compact(name));
        for (String s : SCATTER_SPELLINGS.getOrDefault(name.toUpperCase(Locale.ROOT), List.of())) {
            spellings.add(compact(s));
        }
        for (String s : aliases.getOrDefault(name.toUpperCase(Locale.ROOT), List.of())) {
            spellings.add(compact(s));
        }
        // The canonical spelling first: a file with both "FSC-A" and "FSC" means FSC-A.
        for (String s : spellings) {
            List<Channel> hits = new ArrayList<>();
            for (Channel c : channels) {
                if (compact(c.name()).equals(s)) {
                    hits.add(c);
                }
            }
            if (!hits.isEmpty()) {
                return pick(name, hits);
            }
        }
        return null;
    }

    private static Channel pick(String marker, List<Channel> hits) throws PanelException {
        if (hits.isEmpty()) {
            return null;
        }
        if (hits.size() == 1) {
            return hits.get(0);
        }
        // FITC-A / FITC-H / FITC-W of one detector carry the same stain: take the area.
        List<Channel> areas = new ArrayList<>();
        Set<String> detectors = new LinkedHashSet<>();
        for (Channel c : hits) {
            String n = c.name().toUpperCase(Locale.ROOT);
            detectors.add(detector(n));
            if (n.endsWith("-A") || n.endsWith("_A") || n.endsWith(" A")) {
                areas.add(c);
            }
        }
        if (detectors.size() == 1 && areas.size() == 1) {
            return areas.get(0);
        }
        StringBuilder sb = new StringBuilder("marker " + marker + " is ambiguous: it matches ");
        for (int i = 0; i < hits.size(); i++) {
            Channel c = hits.get(i);
            sb.append(i == 0 ? "" : i == hits.size() - 1 ? " and " : ", ")
                    .append(c.name()).append(c.marker() == null ? "" : " (" + c.marker() + ")");
        }
        throw new PanelException(sb.append("; add a more specific spelling under panel.aliases.").append(marker).toString());
    }

    /** The detector of an upper-case channel name: without an area, height or width suffix ("FITC-A": "FITC"). */
    static String detector(String name) {
        int cut = name.length();
        if (cut > 0 && "AHW".indexOf(name.charAt(cut - 1)) >= 0) {
            cut--;
            if (cut > 0 && "-_ ".indexOf(name.charAt(cut - 1)) >= 0) {
                cut--;
            }
        }
        return name.substring(0, cut);
    }

    static boolean matches(List<String> label, List<List<String>> spellings) {
        if (label.isEmpty()) {
            return false;
        }
        for (List<String> s : spellings) {
            if (s.isEmpty()) {
                continue;
            }
            if (label.size() >= s.size() && label.subList(0, s.size()).equals(s)) {
                return true;
            }
            // Species prefix: "hCD3", "huCD3", "mCD4" name the same marker.
            String first = label.get(0);
            String want = s.get(0);
            if (s.size() == 1 && first.length() > want.length() && first.endsWith(want)
                    && Set.of("H", "HU", "M", "MU", "ANTI").contains(first.substring(0, first.length() - want.length()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A label's tokens: upper case, split at runs of white space and the punctuation {@code -_/:,;()[]<>+*|}. Plain
     * loops, not regular expressions: a label is split for every channel of every file (and the panel check's pass
     * over the TEXT), and the regular-expression engine was among the largest methods the JIT compiled in a
     * batch's first minutes.
     */
    static List<String> tokens(String label) {
        String s = label.trim();
        if (s.regionMatches(true, 0, "Comp-", 0, 5) || s.regionMatches(true, 0, "Comp_", 0, 5)) {
            s = s.substring(5);
        }
        s = s.toUpperCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean separator = i == s.length() || isSeparator(s.charAt(i));
            if (separator && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return out;
    }

    /** White space as regular expressions' {@code \s} has it (ASCII), or the punctuation labels separate with. */
    private static boolean isSeparator(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r', '-', '_', '/', ':', ',', ';', '(', ')', '[', ']', '<', '>',
                 '+', '*', '|' -> true;
            default -> false;
        };
    }

    /** The name in upper case with everything but A-Z and 0-9 left out ("FSC-A" and "FSC A" are "FSCA"). */
    static String compact(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(upper.length());
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A token naming a CD marker: "CD" and a digit ("CD3", "CD45RA"). */
    static boolean isCdMarker(String token) {
        return token.length() >= 3 && token.startsWith("CD") && token.charAt(2) >= '0' && token.charAt(2) <= '9';
    }

    private static String names(List<Channel> channels) {
        return String.join(", ", channels.stream().map(Channel::name).toList());
    }

    private static String stains(List<Channel> channels) {
        List<String> out = new ArrayList<>();
        for (Channel c : channels) {
            if (c.marker() != null && !c.marker().isBlank()) {
                out.add(c.marker());
            }
        }
        return out.isEmpty() ? "none: the file has no $PnS" : String.join(", ", out);
    }

    /**
     * The channels a TEXT segment describes ($PAR, $PnN, $PnS), enough for resolving a panel before any DATA is
     * decoded, so a batch can report every file's mismatches at once.
     */
    public static List<Channel> channelsOf(Keywords keywords) {
        String par = keywords.value("$PAR");
        int n;
        try {
            n = par == null ? 0 : Integer.parseInt(par.trim());
        } catch (NumberFormatException e) {
            n = 0;
        }
        List<Channel> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String name = keywords.value("$P" + i + "N");
            out.add(new Channel(i, name == null ? "P" + i : name, keywords.value("$P" + i + "S"), 0, 0, 0, 0, 1, 'F'));
        }
        return out;
    }
}
