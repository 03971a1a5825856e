package org.tregflow.fcs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The TEXT segment's keyword/value pairs. Keywords are matched case-insensitively (FCS 3.1 §3.2.9:
 * "keywords are case insensitive") while the spelling found in the file is kept for display and writing.
 * The first occurrence of a keyword wins lookups; later duplicates are kept out and reported by the reader.
 */
public final class Keywords {
    private final Map<String, String> byUpper = new LinkedHashMap<>();
    private final Map<String, String> spelling = new LinkedHashMap<>();

    /** Adds a pair; returns false (and keeps the first value) when the keyword is already present. */
    public boolean put(String keyword, String value) {
        String key = keyword.toUpperCase(Locale.ROOT);
        if (byUpper.containsKey(key)) {
            return false;
        }
        byUpper.put(key, value);
        spelling.put(key, keyword);
        return true;
    }

    /** Sets a keyword, replacing any value it had. */
    public void set(String keyword, String value) {
        String key = keyword.toUpperCase(Locale.ROOT);
        byUpper.put(key, value);
        spelling.putIfAbsent(key, keyword);
    }

    public void remove(String keyword) {
        String key = keyword.toUpperCase(Locale.ROOT);
        byUpper.remove(key);
        spelling.remove(key);
    }

    public Optional<String> get(String keyword) {
        return Optional.ofNullable(byUpper.get(keyword.toUpperCase(Locale.ROOT)));
    }

    /** The value, trimmed, or null when absent or blank. */
    public String value(String keyword) {
        String v = byUpper.get(keyword.toUpperCase(Locale.ROOT));
        if (v == null) {
            return null;
        }
        v = v.trim();
        return v.isEmpty() ? null : v;
    }

    public boolean contains(String keyword) {
        return byUpper.containsKey(keyword.toUpperCase(Locale.ROOT));
    }

    public int size() {
        return byUpper.size();
    }

    /** All pairs, keyed by the keyword as spelled in the file, in file order. */
    public Map<String, String> asMap() {
        Map<String, String> out = new LinkedHashMap<>();
        byUpper.forEach((k, v) -> out.put(spelling.get(k), v));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
