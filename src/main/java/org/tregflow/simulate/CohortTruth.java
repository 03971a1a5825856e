package org.tregflow.simulate;

import java.util.List;

/** What a simulated cohort really contains: per file and per patient. */
public record CohortTruth(List<FileTruth> files, List<EndpointTruth> endpoints) {
    public CohortTruth {
        files = List.copyOf(files);
        endpoints = List.copyOf(endpoints);
    }
}
