package org.tregflow.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One colour per arm for the whole report (charts, legends, badges). Treatment arms take colours of the
 * Okabe-Ito palette, which colour-blind readers can tell apart; a placebo or control arm is always slate grey,
 * so "grey = no drug" holds on every slide.
 */
final class ArmColours {
    private static final String[] PALETTE = {"#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"};
    static final String CONTROL = "#6E7B8B";
    static final String UNKNOWN_ARM = "(no arm)";

    private final Map<String, String> colours = new LinkedHashMap<>();

    ArmColours(List<String> arms) {
        int next = 0;
        for (String arm : arms) {
            if (colours.containsKey(arm)) {
                continue;
            }
            if (isControl(arm)) {
                colours.put(arm, CONTROL);
            } else {
                colours.put(arm, PALETTE[next++ % PALETTE.length]);
            }
        }
    }

    static boolean isControl(String arm) {
        String a = arm.toLowerCase(Locale.ROOT);
        return a.contains("placebo") || a.contains("control") || a.equals(UNKNOWN_ARM);
    }

    String of(String arm) {
        return colours.getOrDefault(arm, CONTROL);
    }

    List<String> arms() {
        return List.copyOf(colours.keySet());
    }
}
