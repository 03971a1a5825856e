package org.tregflow.fcs;

import java.nio.file.Path;
import java.util.List;

/** A whole FCS file: its version (from HEADER) and its data sets in $NEXTDATA order. */
public record FcsFile(Path path, String version, List<FcsDataset> datasets) {
    public FcsFile {
        datasets = List.copyOf(datasets);
    }

    /** The first data set: the one pipelines analyse. */
    public FcsDataset first() {
        return datasets.get(0);
    }
}
