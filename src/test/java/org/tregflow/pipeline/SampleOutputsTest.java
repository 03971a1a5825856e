package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.report.SheetFormat;

/** A sample's files beside the tables, without an analysis: what counts as in place, and what is removed. */
class SampleOutputsTest {
    @TempDir
    Path out;

    private Path gatingMl(String id) {
        return out.resolve(Pipeline.GATES_FOLDER).resolve(Pipeline.gatesFileName(id));
    }

    private Path sheet(String id, SheetFormat f) {
        return f.file(out.resolve("sheets"), id);
    }

    private void touch(Path... files) throws Exception {
        for (Path f : files) {
            Files.createDirectories(f.getParent());
            Files.writeString(f, "x");
        }
    }

    private static ResultStore.Stored stored(String id, boolean gatingMl, String title) {
        return new ResultStore.Stored(ResultStore.FORMAT, "ab", id, "key", "3.1", "LSR", 1000, List.of(), List.of(),
                List.of(), gatingMl, title);
    }

    @Test
    void inPlaceNeedsTheGatingMlFileAndEveryAskedSheetUnderThisTitle() throws Exception {
        String id = "site/P01_V0.fcs";
        SampleOutputs svg = new SampleOutputs(out, Set.of(SheetFormat.SVG));
        touch(gatingMl(id));
        assertFalse(svg.inPlace(id, "P01 · V0", stored(id, true, "P01 · V0")), "no SVG yet");
        touch(sheet(id, SheetFormat.SVG));
        assertTrue(svg.inPlace(id, "P01 · V0", stored(id, true, "P01 · V0")));
        assertFalse(svg.inPlace(id, "P01 · V0 · placebo arm", stored(id, true, "P01 · V0")), "drawn under another title");
        assertFalse(new SampleOutputs(out, Set.of(SheetFormat.values())).inPlace(id, "P01 · V0",
                stored(id, true, "P01 · V0")), "no PNG");
        SampleOutputs none = new SampleOutputs(out, Set.of());
        assertTrue(none.inPlace(id, "another title", stored(id, true, null)), "no sheet asked: the title is moot");
        Files.delete(gatingMl(id));
        assertFalse(none.inPlace(id, "P01 · V0", stored(id, true, "P01 · V0")), "its Gating-ML file is gone");
        assertTrue(none.inPlace(id, "P01 · V0", stored(id, false, "P01 · V0")), "it never had one");
    }

    @Test
    void onlyTheSamplesOwnFilesAreRemovedAndAFailureToRemoveIsAWarning() throws Exception {
        String id = "P01_V0.fcs";
        String other = "P01_C4.fcs";
        touch(gatingMl(id), sheet(id, SheetFormat.SVG), gatingMl(other), sheet(other, SheetFormat.SVG),
                sheet(other, SheetFormat.PNG));
        // Something that cannot be deleted where the PNG would be: a folder with a file in it.
        touch(sheet(id, SheetFormat.PNG).resolve("inside"));
        List<String> warnings = new ArrayList<>();
        new SampleOutputs(out, Set.of(SheetFormat.SVG)).removeAll(id, warnings);
        assertFalse(Files.exists(gatingMl(id)));
        assertFalse(Files.exists(sheet(id, SheetFormat.SVG)));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("cannot remove P01_V0.png, written by an earlier run"), warnings.get(0));
        assertTrue(Files.exists(gatingMl(other)) && Files.exists(sheet(other, SheetFormat.SVG))
                && Files.exists(sheet(other, SheetFormat.PNG)), "another sample's files stay");

        // A reused result keeps its files in the formats asked for, and its Gating-ML file when it has one.
        warnings.clear();
        new SampleOutputs(out, Set.of(SheetFormat.SVG)).reused(other, stored(other, true, "t"), warnings);
        assertTrue(Files.exists(gatingMl(other)) && Files.exists(sheet(other, SheetFormat.SVG)));
        assertFalse(Files.exists(sheet(other, SheetFormat.PNG)));
        assertEquals(List.of(), warnings);
        new SampleOutputs(out, Set.of(SheetFormat.SVG)).reused(other, stored(other, false, "t"), warnings);
        assertFalse(Files.exists(gatingMl(other)), "a Gating-ML file its result does not have is an older run's");
    }
}
