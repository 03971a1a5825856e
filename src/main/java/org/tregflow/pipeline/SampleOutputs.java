package org.tregflow.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tregflow.gatingml.GatingMlWriter;
import org.tregflow.report.CohortReport;
import org.tregflow.report.GatingSheet;
import org.tregflow.report.SheetCanvas;
import org.tregflow.report.SheetFormat;

/**
 * A sample's files beside a run's tables: the gates applied to it as Gating-ML 2.0 ({@code gatingml/}) and its gating
 * sheet ({@code sheets/}, in the formats the run asks for). Written after the sample's analysis, checked before a
 * stored result is reused (drawing needs the events), and removed where this run does not write them: left from an
 * earlier run (another {@code --sheets}, a file that fails now, a sheet that cannot be drawn now), they would show
 * gates that are not this run's beside tables that are. Problems are warnings of the sample, never a failed sample.
 */
final class SampleOutputs {
    private static final Logger LOG = LoggerFactory.getLogger(SampleOutputs.class);

    /** What was written for an analysed sample: its Gating-ML file, and every sheet file asked for. */
    record Written(boolean gatingMl, boolean sheets) {
        static final Written NOTHING = new Written(false, false);
    }

    private final Path gatesDir;
    private final Path sheetsDir;
    private final Set<SheetFormat> sheets;

    SampleOutputs(Path outDir, Set<SheetFormat> sheets) {
        this.gatesDir = outDir.resolve(Pipeline.GATES_FOLDER);
        this.sheetsDir = outDir.resolve(CohortReport.SHEETS);
        this.sheets = Set.copyOf(sheets);
    }

    /**
     * Writes the sample's Gating-ML file and its sheet, and removes its files of an earlier run that this one did not
     * write. {@code Written.sheets} is true when no sheet is asked for.
     */
    Written write(String id, String title, SampleAnalyzer.Analysis a, SheetCanvas canvas, List<String> warnings) {
        boolean gatingMl = false;
        if (a.appliedGates() != null) {
            try {
                GatingMlWriter.write(gatesDir.resolve(Pipeline.gatesFileName(id)), a.appliedGates());
                gatingMl = true;
            } catch (IOException | RuntimeException e) {
                warnings.add("cannot write the applied gates as Gating-ML: " + e.getMessage());
            }
        }
        boolean drawn = writeSheet(id, title, a, canvas, warnings);
        removeStale(id, gatingMl, drawn ? sheets : Set.of(), warnings);
        return new Written(gatingMl, drawn);
    }

    /**
     * Whether a stored result's files are as a full run would leave them: its Gating-ML file, and its sheet in each
     * format asked for, drawn under this run's metadata (a corrected sample sheet redraws it). If not, the file must
     * be analysed again.
     */
    boolean inPlace(String id, String title, ResultStore.Stored s) {
        if (s.gatingMl() && !Files.isRegularFile(gatesDir.resolve(Pipeline.gatesFileName(id)))) {
            return false;
        }
        if (!sheets.isEmpty() && !title.equals(s.sheetTitle())) {
            return false;
        }
        for (SheetFormat f : sheets) {
            if (!Files.isRegularFile(f.file(sheetsDir, id))) {
                return false;
            }
        }
        return true;
    }

    /** For a stored result reused as it is ({@link #inPlace}): removes the sample's sheets of other formats. */
    void reused(String id, ResultStore.Stored s, List<String> warnings) {
        removeStale(id, s.gatingMl(), sheets, warnings);
    }

    /** Removes every file of a sample that failed in this run. */
    void removeAll(String id, List<String> warnings) {
        removeStale(id, false, Set.of(), warnings);
    }

    /** The sample's gating sheet; a sheet that cannot be drawn is a warning. */
    private boolean writeSheet(String id, String title, SampleAnalyzer.Analysis a, SheetCanvas canvas,
                               List<String> warnings) {
        long t0 = System.nanoTime();
        try {
            GatingSheet.write(id, title, a.view().source(), a.view().steps(), sheetsDir, canvas, sheets);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: gating sheet not drawn", id, e);
            warnings.add("cannot draw the gating sheet: " + e.getMessage());
            return false;
        } finally {
            a.timingsMs().put("plot", (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Removes the sample's Gating-ML file unless {@code keepGatingMl}, and its sheets of formats not kept. */
    private void removeStale(String id, boolean keepGatingMl, Set<SheetFormat> keptSheets, List<String> warnings) {
        List<Path> stale = new ArrayList<>();
        if (!keepGatingMl) {
            stale.add(gatesDir.resolve(Pipeline.gatesFileName(id)));
        }
        for (SheetFormat f : SheetFormat.values()) {
            if (!keptSheets.contains(f)) {
                stale.add(f.file(sheetsDir, id));
            }
        }
        for (Path p : stale) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                warnings.add("cannot remove " + p.getFileName() + ", written by an earlier run: " + e.getMessage());
            }
        }
    }
}
