package org.tregflow.fcs;

import java.util.List;
import org.tregflow.compensation.SpilloverMatrix;

/**
 * One data set of an FCS file (files may chain several through $NEXTDATA).
 *
 * @param keywords  TEXT (and supplemental TEXT) keywords
 * @param events    the DATA segment as columns
 * @param spillover the spillover matrix found in the keywords, or null
 * @param warnings  every repair the lenient reader made, in words a user can act on
 * @param rows      the events readable one at a time again from the file (whole-byte binary layouts), or null
 */
public record FcsDataset(Keywords keywords, EventTable events, SpilloverMatrix spillover, List<String> warnings,
                         EventRows rows) {
    public FcsDataset {
        warnings = List.copyOf(warnings);
    }
}
