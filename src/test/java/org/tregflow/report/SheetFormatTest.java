package org.tregflow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SheetFormatTest {
    @Test
    void listsAreReadWhateverTheCaseOrderAndSpaces() {
        assertEquals(EnumSet.of(SheetFormat.SVG), SheetFormat.parse("svg"));
        assertEquals(EnumSet.of(SheetFormat.PNG), SheetFormat.parse("PNG"));
        assertEquals(EnumSet.allOf(SheetFormat.class), SheetFormat.parse("png, Svg"));
        assertEquals(EnumSet.allOf(SheetFormat.class), SheetFormat.parse("svg,png,svg"));
        assertEquals(Set.of(), SheetFormat.parse("none"));
        assertEquals(Set.of(), SheetFormat.parse(" NONE "));
    }

    @Test
    void aWrongWordIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SheetFormat.parse("svg,pdf"));
        assertTrue(e.getMessage().contains("'pdf'") && e.getMessage().contains("svg, png, svg,png or none"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SheetFormat.parse(""));
        assertThrows(IllegalArgumentException.class, () -> SheetFormat.parse("svg,"));
        e = assertThrows(IllegalArgumentException.class, () -> SheetFormat.parse("none,png"));
        assertTrue(e.getMessage().contains("'none' cannot be combined"), e.getMessage());
    }

    @Test
    void theWrittenFormReadsBack() {
        for (Set<SheetFormat> f : java.util.List.of(Set.<SheetFormat>of(), Set.of(SheetFormat.SVG),
                Set.of(SheetFormat.PNG), Set.of(SheetFormat.PNG, SheetFormat.SVG))) {
            assertEquals(f, SheetFormat.parse(SheetFormat.format(f)));
        }
        assertEquals("svg,png", SheetFormat.format(Set.of(SheetFormat.PNG, SheetFormat.SVG)));
        assertEquals("none", SheetFormat.format(Set.of()));
    }

    @Test
    void filesAreNamedByTheSheetsStem() {
        Path dir = Path.of("out", "sheets");
        assertEquals(dir.resolve("siteA_P01_V0.svg"), SheetFormat.SVG.file(dir, "siteA/P01_V0.fcs"));
        assertEquals(dir.resolve("siteA_P01_V0.png"), SheetFormat.PNG.file(dir, "siteA/P01_V0.fcs"));
    }
}
