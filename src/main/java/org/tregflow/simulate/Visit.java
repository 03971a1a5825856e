package org.tregflow.simulate;

import java.util.List;

/**
 * A scheduled visit.
 *
 * @param name   the visit name written to file names and {@code samples.csv}
 * @param order  its position in the schedule (0 = baseline)
 * @param day    study day of the blood draw
 * @param effect the fraction (0..1) of a patient's full drug effect present at this visit: 0 at baseline,
 *               1 after cycle 4 (the endpoint), partial during cycles and waning at follow-up
 */
public record Visit(String name, int order, int day, double effect) {
    public Visit {
        if (name == null || !name.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("a visit name must be letters, digits or '-': " + name);
        }
        if (effect < 0 || effect > 1) {
            throw new IllegalArgumentException("visit effect must be within 0..1: " + effect);
        }
    }

    public static final Visit BASELINE = new Visit("V0", 0, 0, 0.0);
    public static final Visit AFTER_CYCLE_1 = new Visit("C1", 1, 8, 0.5);
    public static final Visit AFTER_CYCLE_4 = new Visit("C4", 2, 57, 1.0);
    public static final Visit FOLLOW_UP = new Visit("FU", 3, 120, 0.3);

    /**
     * The schedule of a low-dose IL-2 trial like the Luebeck SLE study: baseline, after the first 5-day cycle,
     * after the 4th cycle (the primary endpoint visit) and follow-up.
     */
    public static final List<Visit> SCHEDULE = List.of(BASELINE, AFTER_CYCLE_1, AFTER_CYCLE_4, FOLLOW_UP);
}
