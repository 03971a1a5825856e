package org.tregflow.fcs;

/**
 * One parameter of a data set, as its TEXT keywords describe it.
 *
 * @param number      the parameter's n in $PnN (1-based)
 * @param name        $PnN, the detector/channel name (unique within a data set after the reader's renaming)
 * @param marker      $PnS, the stain or marker label, or null when absent
 * @param range       $PnR
 * @param bits        $PnB (bits per value as stored)
 * @param logDecades  f1 of $PnE (0 for linear)
 * @param logOffset   f2 of $PnE
 * @param gain        $PnG (1 when absent)
 * @param dataType    the stored type: 'I', 'F', 'D' or 'A' ($PnDATATYPE in FCS 3.2, else $DATATYPE)
 */
public record Channel(int number, String name, String marker, double range, int bits,
                      double logDecades, double logOffset, double gain, char dataType) {

    /** The marker when present, else the channel name: what a human calls this column. */
    public String label() {
        return marker == null || marker.isBlank() ? name : marker;
    }

    /** True for a "Time" channel, whose scale values are multiplied by $TIMESTEP. */
    public boolean isTime() {
        return name.equalsIgnoreCase("time");
    }

    /** A float channel with no amplification: the kind the FCS 3.1 writer produces. */
    public static Channel ofFloat(int number, String name, String marker, double range) {
        return new Channel(number, name, marker, range, 32, 0, 0, 1, 'F');
    }

    public Channel withMarker(String newMarker) {
        return new Channel(number, name, newMarker, range, bits, logDecades, logOffset, gain, dataType);
    }
}
