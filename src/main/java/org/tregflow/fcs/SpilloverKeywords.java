package org.tregflow.fcs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tregflow.compensation.SpilloverMatrix;

/**
 * Finds the spillover matrix in a data set's keywords. Instruments disagree on the keyword ($SPILLOVER in FCS 3.1,
 * SPILL from BD DiVa, $SPILL, lower-case spillover, $COMP in FCS 3.0) and on its form; Beckman Coulter writes
 * pairwise percentages instead ($DFCnTOm: detector n spills m percent into detector m).
 */
public final class SpilloverKeywords {
    /** Looked up in this order; the first present wins. */
    public static final List<String> KEYWORDS = List.of("$SPILLOVER", "SPILL", "$SPILL", "SPILLOVER", "$COMP");
    private static final Pattern DFC = Pattern.compile("\\$DFC(\\d+)TO(\\d+)", Pattern.CASE_INSENSITIVE);
    /** No cytometer has this many detectors; a larger n is a corrupt keyword, not an allocation request. */
    private static final int MAX_CHANNELS = 4096;

    private SpilloverKeywords() {
    }

    /**
     * The matrix, or null when the keywords hold none.
     *
     * @param channelNames the data set's $PnN in parameter order, to resolve indices used instead of names
     * @param warnings     receives a note for each repair (comma decimals, index names, ...)
     * @throws IllegalArgumentException when a spillover keyword is present but cannot be read
     */
    public static SpilloverMatrix parse(Keywords keywords, List<String> channelNames, List<String> warnings) {
        for (String k : KEYWORDS) {
            String v = keywords.value(k);
            if (v != null) {
                SpilloverMatrix m = parseValue(k, v, channelNames, warnings);
                if (m != null) {
                    return m;
                }
            }
        }
        return parseDfc(keywords, channelNames);
    }

    static SpilloverMatrix parseValue(String keyword, String value, List<String> channelNames, List<String> warnings) {
        String[] raw = value.split(",", -1);
        List<String> tok = new ArrayList<>(raw.length);
        for (String t : raw) {
            tok.add(t.trim());
        }
        int n;
        try {
            n = (int) Double.parseDouble(tok.get(0));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(keyword + " should start with the number of channels, found '"
                    + TextParser.abbreviate(tok.get(0)) + "'");
        }
        if (n == 0) {
            return null; // some writers put "0" for "no matrix"
        }
        if (n < 0 || n > MAX_CHANNELS) {
            throw new IllegalArgumentException(keyword + " claims " + n + " channels");
        }
        long named = 1L + n + (long) n * n;
        long unnamed = 1L + (long) n * n;
        List<String> names;
        List<String> numbers;
        if (tok.size() == named) {
            names = tok.subList(1, 1 + n);
            numbers = tok.subList(1 + n, tok.size());
        } else if (tok.size() == 1L + n + 2L * n * n) {
            // Exporters in comma-decimal locales write "0,123": every value then splits into two tokens.
            names = tok.subList(1, 1 + n);
            numbers = joinCommaDecimals(tok.subList(1 + n, tok.size()));
            warnings.add(keyword + " uses commas as decimal marks; read each pair 'a,b' as a.b");
        } else if (tok.size() == unnamed && keyword.equalsIgnoreCase("$COMP")) {
            // FCS 3.0 $COMP: a bare n x n matrix over the first n parameters.
            if (n > channelNames.size()) {
                throw new IllegalArgumentException("$COMP is " + n + "x" + n + " but the data set has only "
                        + channelNames.size() + " parameters");
            }
            names = channelNames.subList(0, n);
            numbers = tok.subList(1, tok.size());
            warnings.add("$COMP names no channels; assumed parameters 1.." + n);
        } else {
            throw new IllegalArgumentException(keyword + " declares " + n + " channels, so it needs " + named
                    + " comma-separated fields, but has " + tok.size());
        }
        List<String> resolved = resolveNames(keyword, names, channelNames, warnings);
        double[][] values = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                String s = numbers.get(i * n + j);
                try {
                    values[i][j] = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(keyword + " value at row " + (i + 1) + ", column " + (j + 1)
                            + " is '" + TextParser.abbreviate(s) + "', not a number");
                }
            }
        }
        return new SpilloverMatrix(resolved, values);
    }

    private static List<String> joinCommaDecimals(List<String> parts) {
        List<String> out = new ArrayList<>(parts.size() / 2);
        for (int i = 0; i + 1 < parts.size(); i += 2) {
            out.add(parts.get(i) + "." + parts.get(i + 1));
        }
        return out;
    }

    /** Some writers name channels by parameter index ("3") instead of $PnN: map those to the $PnN. */
    private static List<String> resolveNames(String keyword, List<String> names, List<String> channelNames,
                                             List<String> warnings) {
        boolean allIndices = !names.isEmpty();
        for (String s : names) {
            if (!s.matches("\\d{1,6}") || channelNames.stream().anyMatch(c -> c.equals(s))) {
                allIndices = false;
                break;
            }
        }
        if (!allIndices) {
            return List.copyOf(names);
        }
        List<String> out = new ArrayList<>(names.size());
        for (String s : names) {
            int idx = Integer.parseInt(s);
            if (idx < 1 || idx > channelNames.size()) {
                throw new IllegalArgumentException(keyword + " names parameter " + idx + " but the data set has "
                        + channelNames.size());
            }
            out.add(channelNames.get(idx - 1));
        }
        warnings.add(keyword + " names channels by parameter number; mapped them to $PnN " + out);
        return out;
    }

    /**
     * Beckman Coulter's $DFCnTOm keywords (percent). n and m number the fluorescence detectors FL1, FL2, ...; a
     * detector maps to the first parameter whose $PnN starts with "FLn" (else to "FLn" itself).
     */
    private static SpilloverMatrix parseDfc(Keywords keywords, List<String> channelNames) {
        Map<Integer, Map<Integer, Double>> pairs = new TreeMap<>();
        int max = 0;
        for (Map.Entry<String, String> e : keywords.asMap().entrySet()) {
            Matcher m = DFC.matcher(e.getKey().trim());
            if (!m.matches()) {
                continue;
            }
            int from;
            int to;
            double pct;
            try {
                from = Integer.parseInt(m.group(1));
                to = Integer.parseInt(m.group(2));
                pct = Double.parseDouble(e.getValue().trim().replace(',', '.'));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(e.getKey() + " should be a percentage, found '"
                        + TextParser.abbreviate(e.getValue()) + "'");
            }
            if (from < 1 || to < 1 || from > 64 || to > 64) {
                throw new IllegalArgumentException(e.getKey() + " names a detector outside FL1..FL64");
            }
            pairs.computeIfAbsent(from, k -> new TreeMap<>()).put(to, pct);
            max = Math.max(max, Math.max(from, to));
        }
        if (max == 0) {
            return null;
        }
        double[][] values = new double[max][max];
        for (int i = 0; i < max; i++) {
            values[i][i] = 1.0;
        }
        pairs.forEach((from, row) -> row.forEach((to, pct) -> {
            if (!from.equals(to)) {
                values[from - 1][to - 1] = pct / 100.0;
            }
        }));
        List<String> names = new ArrayList<>(max);
        for (int d = 1; d <= max; d++) {
            names.add(detectorName(d, channelNames));
        }
        return new SpilloverMatrix(names, values);
    }

    private static String detectorName(int detector, List<String> channelNames) {
        Pattern p = Pattern.compile("FL" + detector + "(?!\\d).*", Pattern.CASE_INSENSITIVE);
        for (String c : channelNames) {
            if (p.matcher(c.trim()).matches()) {
                return c;
            }
        }
        return "FL" + detector;
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
