package org.tregflow.report;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The files a gating sheet is written as: the SVG (vectors, sharp at any zoom: the one to sign off) and the PNG of
 * the whole sheet (a quick look). A batch may ask for either, both or none ({@code tregflow run --sheets}): the two
 * drawings are most of a small file's cost beside its analysis.
 */
public enum SheetFormat {
    SVG, PNG;

    /** The file extension, without the dot. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Where a sample's sheet in this format goes in the sheets folder {@code dir}. */
    public Path file(Path dir, String sampleId) {
        return dir.resolve(GatingSheet.fileStem(sampleId) + "." + extension());
    }

    /**
     * The formats of a comma-separated list ({@code svg}, {@code png}, {@code svg,png}; case ignored), or none for
     * {@code none}.
     *
     * @throws IllegalArgumentException a word that is none of these, an empty list, or "none" beside a format
     */
    public static Set<SheetFormat> parse(String list) {
        Set<SheetFormat> formats = EnumSet.noneOf(SheetFormat.class);
        boolean none = false;
        int words = 0;
        for (String word : list.split(",", -1)) {
            String w = word.strip().toLowerCase(Locale.ROOT);
            words++;
            switch (w) {
                case "svg" -> formats.add(SVG);
                case "png" -> formats.add(PNG);
                case "none" -> none = true;
                default -> throw new IllegalArgumentException("unknown gating sheet format '" + word.strip()
                        + "': give svg, png, svg,png or none");
            }
        }
        if (none && words > 1) {
            throw new IllegalArgumentException("'none' cannot be combined with a format in '" + list + "'");
        }
        return formats;
    }

    /** The list {@link #parse} reads back: "svg,png", "svg", "png" or "none". */
    public static String format(Set<SheetFormat> formats) {
        if (formats.isEmpty()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        for (SheetFormat f : EnumSet.copyOf(formats)) {
            s.append(s.length() == 0 ? "" : ",").append(f.extension());
        }
        return s.toString();
    }
}
