package org.tregflow.simulate;

import java.util.List;

/**
 * What to simulate.
 *
 * @param patients      number of patients (P01..), arms 2:1 IL-2:placebo
 * @param events        events per file (exact)
 * @param seed          the cohort seed; every file's stream derives from (seed, patient, visit)
 * @param channels      13 (FSC-A, FSC-H, SSC-A, 9 colours, Time) or 16 (adds FSC-W, SSC-H, SSC-W)
 * @param visits        the schedule; the first is the baseline
 * @param endpointVisit the name of the visit the endpoint compares with baseline (after cycle 4)
 * @param only          file stems (e.g. "P01_V0") to generate; empty = all
 * @param threads       files generated at once (memory: threads x events x channels x 4 bytes)
 */
public record CohortConfig(int patients, int events, long seed, int channels, List<Visit> visits,
                           String endpointVisit, List<String> only, int threads) {
    public static final int DEFAULT_PATIENTS = 6;
    public static final int DEFAULT_EVENTS = 50_000;
    public static final long DEFAULT_SEED = 1;
    /** Keeps one file's columns well inside a Java array and a sane heap. */
    public static final int MAX_EVENTS = 50_000_000;

    public CohortConfig {
        if (patients < 1) {
            throw new IllegalArgumentException("the number of patients must be at least 1, not " + patients);
        }
        if (events < 1 || events > MAX_EVENTS) {
            throw new IllegalArgumentException("events per file must be within 1.." + MAX_EVENTS + ", not " + events);
        }
        Panel.requireSupported(channels);
        visits = List.copyOf(visits);
        if (visits.isEmpty()) {
            throw new IllegalArgumentException("the visit schedule is empty");
        }
        if (visits.stream().map(Visit::name).distinct().count() != visits.size()) {
            throw new IllegalArgumentException("visit names must be unique: " + visits);
        }
        String endpoint = endpointVisit;
        if (visits.stream().noneMatch(v -> v.name().equals(endpoint))) {
            throw new IllegalArgumentException("the endpoint visit " + endpointVisit + " is not in the schedule "
                    + visits.stream().map(Visit::name).toList());
        }
        only = List.copyOf(only);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    /** The documented defaults: 6 patients, 4 visits (V0, C1, C4, FU), 50,000 events, 13 channels, seed 1. */
    public static CohortConfig defaults() {
        return new CohortConfig(DEFAULT_PATIENTS, DEFAULT_EVENTS, DEFAULT_SEED, Panel.STANDARD_CHANNELS,
                Visit.SCHEDULE, Visit.AFTER_CYCLE_4.name(), List.of(),
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    public CohortConfig withPatients(int n) {
        return new CohortConfig(n, events, seed, channels, visits, endpointVisit, only, threads);
    }

    public CohortConfig withEvents(int n) {
        return new CohortConfig(patients, n, seed, channels, visits, endpointVisit, only, threads);
    }

    public CohortConfig withSeed(long s) {
        return new CohortConfig(patients, events, s, channels, visits, endpointVisit, only, threads);
    }

    public CohortConfig withChannels(int n) {
        return new CohortConfig(patients, events, seed, n, visits, endpointVisit, only, threads);
    }

    public CohortConfig withOnly(List<String> stems) {
        return new CohortConfig(patients, events, seed, channels, visits, endpointVisit, stems, threads);
    }

    public CohortConfig withThreads(int n) {
        return new CohortConfig(patients, events, seed, channels, visits, endpointVisit, only, n);
    }

    public Visit baseline() {
        return visits.get(0);
    }
}
