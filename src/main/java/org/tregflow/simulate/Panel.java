package org.tregflow.simulate;

import java.util.ArrayList;
import java.util.List;
import org.tregflow.compensation.SpilloverMatrix;
import org.tregflow.fcs.Channel;

/**
 * The simulated instrument and staining panel: a BD-style 9-colour Treg/NK panel. Dye {@code d} is read by
 * fluorescence detector {@code d} (same index), so the spillover matrix rows and columns share one order.
 */
public final class Panel {
    /** Values at or above this saturate, as on an 18-bit BD instrument ($PnR = 262144). */
    public static final double RANGE = 262_144;

    /** Fluorescence detectors ($PnN), in file order. */
    public static final List<String> DETECTORS = List.of(
            "FITC-A", "PE-A", "PerCP-Cy5-5-A", "PE-Cy7-A", "APC-A", "Alexa Fluor 700-A", "BV421-A", "BV510-A",
            "BV605-A");
    /** $PnS of each detector: marker and fluorochrome, spelled as labs do. */
    public static final List<String> STAINS = List.of(
            "CD16 FITC", "CD25 PE", "CD4 PerCP-Cy5.5", "CD127 PE-Cy7", "FOXP3 AF647", "CD8 AF700", "CD56 BV421",
            "CD3 BV510", "Live/Dead BV605");
    /** The marker measured by each detector. */
    public static final List<String> MARKERS = List.of(
            "CD16", "CD25", "CD4", "CD127", "FOXP3", "CD8", "CD56", "CD3", "Live/Dead");

    static final int CD16 = 0;
    static final int CD25 = 1;
    static final int CD4 = 2;
    static final int CD127 = 3;
    static final int FOXP3 = 4;
    static final int CD8 = 5;
    static final int CD56 = 6;
    static final int CD3 = 7;
    static final int LIVE_DEAD = 8;
    static final int DYES = 9;

    /**
     * Row = dye, column = detector. Values follow the usual pattern of a 3-laser BD instrument: FITC into PE,
     * PE into PerCP-Cy5.5, PerCP-Cy5.5 into PE-Cy7, AF647 into AF700, BV421 into BV510, BV510 into BV605;
     * 1-22% between neighbours, so uncompensated data put Treg (FOXP3 AF647 bright) into the CD8 AF700 channel
     * and CD25hi PE into CD4 PerCP-Cy5.5: compensation matters.
     */
    private static final double[][] SPILLOVER = {
            // FITC  PE     PerCP  PE-Cy7 APC    AF700  BV421  BV510  BV605
            {1.000, 0.220, 0.030, 0.005, 0.000, 0.000, 0.000, 0.010, 0.005}, // CD16 FITC
            {0.010, 1.000, 0.120, 0.030, 0.000, 0.000, 0.000, 0.000, 0.040}, // CD25 PE
            {0.000, 0.010, 1.000, 0.180, 0.020, 0.060, 0.000, 0.000, 0.000}, // CD4 PerCP-Cy5.5
            {0.000, 0.020, 0.030, 1.000, 0.010, 0.030, 0.000, 0.000, 0.000}, // CD127 PE-Cy7
            {0.000, 0.000, 0.020, 0.010, 1.000, 0.200, 0.000, 0.000, 0.000}, // FOXP3 AF647
            {0.000, 0.000, 0.010, 0.020, 0.060, 1.000, 0.000, 0.000, 0.000}, // CD8 AF700
            {0.010, 0.000, 0.000, 0.000, 0.000, 0.000, 1.000, 0.150, 0.020}, // CD56 BV421
            {0.040, 0.010, 0.000, 0.000, 0.000, 0.000, 0.020, 1.000, 0.100}, // CD3 BV510
            {0.000, 0.080, 0.020, 0.010, 0.000, 0.000, 0.000, 0.020, 1.000}, // Live/Dead BV605
    };

    /** Autofluorescence seen by each detector relative to FITC: violet-excited detectors see the most. */
    static final double[] AUTOFLUORESCENCE = {1.0, 0.8, 0.6, 0.4, 0.3, 0.3, 2.5, 2.0, 1.2};

    /** The supported channel counts: 13 (FSC-A/H, SSC-A, 9 colours, Time) or 16 (adds FSC-W, SSC-H, SSC-W). */
    public static final int STANDARD_CHANNELS = 13;
    public static final int WIDE_CHANNELS = 16;

    private Panel() {
    }

    public static SpilloverMatrix spillover() {
        return new SpilloverMatrix(DETECTORS, SPILLOVER);
    }

    static double spill(int dye, int detector) {
        return SPILLOVER[dye][detector];
    }

    /** Channel layout of a file; {@code channels} is 13 or 16. */
    public static List<Channel> channels(int channels) {
        requireSupported(channels);
        boolean wide = channels == WIDE_CHANNELS;
        List<String> names = new ArrayList<>();
        List<String> stains = new ArrayList<>();
        names.add("FSC-A");
        names.add("FSC-H");
        if (wide) {
            names.add("FSC-W");
        }
        names.add("SSC-A");
        if (wide) {
            names.add("SSC-H");
            names.add("SSC-W");
        }
        for (int i = 0; i < names.size(); i++) {
            stains.add(null);
        }
        names.addAll(DETECTORS);
        stains.addAll(STAINS);
        names.add("Time");
        stains.add(null);
        List<Channel> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            out.add(Channel.ofFloat(i + 1, names.get(i), stains.get(i), RANGE));
        }
        return out;
    }

    static void requireSupported(int channels) {
        if (channels != STANDARD_CHANNELS && channels != WIDE_CHANNELS) {
            throw new IllegalArgumentException("--channels must be " + STANDARD_CHANNELS
                    + " (FSC-A, FSC-H, SSC-A, 9 colours, Time) or " + WIDE_CHANNELS
                    + " (adds FSC-W, SSC-H, SSC-W), not " + channels);
        }
    }
}
