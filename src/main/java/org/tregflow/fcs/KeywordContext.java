package org.tregflow.fcs;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the parts of a data set's reader share: the file, the options, the keywords read so far and the warnings
 * collected, with the helpers that turn a bad keyword into a warning (lenient) or an {@link FcsException}.
 */
abstract class KeywordContext {
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern WHOLE_AS_DECIMAL = Pattern.compile("[+-]?\\d{1,18}\\.0*");
    private static final Pattern LETTERS_OTHER_THAN_E = Pattern.compile("(?i).*[a-df-z].*");

    final Path file;
    final ReadOptions options;
    /** "" for the first data set, "data set N " for later ones: prefixes every message. */
    final String label;
    final List<String> warnings;
    final Keywords keywords;

    KeywordContext(Path file, ReadOptions options, String label, List<String> warnings, Keywords keywords) {
        this.file = file;
        this.options = options;
        this.label = label;
        this.warnings = warnings;
        this.keywords = keywords;
    }

    /** Shares the other context's keywords and warnings. */
    KeywordContext(KeywordContext other) {
        this(other.file, other.options, other.label, other.warnings, other.keywords);
    }

    final long optionalLong(String keyword, long absent) throws FcsException {
        String v = keywords.value(keyword);
        return v == null ? absent : parseLong(keyword, v);
    }

    final long parseLong(String keyword, String value) throws FcsException {
        String s = value.trim();
        if (!WHOLE.matcher(s).matches()) {
            // Some writers put "1000.0" where an integer belongs; accept whole numbers written as decimals.
            if (WHOLE_AS_DECIMAL.matcher(s).matches()) {
                return Long.parseLong(s.substring(0, s.indexOf('.')));
            }
            throw err(keyword, -1, "is '" + printable(s) + "'; expected a whole number");
        }
        return Long.parseLong(s);
    }

    final double parseDouble(String keyword, String value) throws FcsException {
        String s = value.trim();
        try {
            double v = Double.parseDouble(s);
            if (Double.isNaN(v) || LETTERS_OTHER_THAN_E.matcher(s).matches()) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw err(keyword, -1, "is '" + printable(s) + "'; expected a number");
        }
    }

    final void strictOrWarn(String where, long offset, String message) throws FcsException {
        if (options.strict()) {
            throw err(where, offset, message);
        }
        warnings.add(label + where + ": " + message);
    }

    final FcsException err(String where, long offset, String message) {
        return new FcsException(file, label + where, offset, message);
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 40; i++) {
            char ch = s.charAt(i);
            sb.append(ch >= 32 && ch < 127 ? ch : '?');
        }
        return s.length() > 40 ? sb + "..." : sb.toString();
    }
}
