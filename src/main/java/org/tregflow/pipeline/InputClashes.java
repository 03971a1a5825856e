package org.tregflow.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tregflow.report.GatingSheet;
import org.tregflow.stats.SampleResult;

/**
 * Inputs of one run that stand for each other: two that would write the same outputs (refused before any file is
 * analysed) and two with the same content under different names (analysed, with a warning).
 */
final class InputClashes {
    private InputClashes() {
    }

    /**
     * Why these inputs cannot be one run, or null: two of them with the same sample id, or ids that give the same
     * name to a gating sheet or Gating-ML file (compared ignoring case, as some file systems do), would overwrite
     * each other's outputs and share one key in the tables, as two site folders holding the same file names do.
     */
    static String refusal(List<Path> files, List<Path> folders) {
        Map<String, List<Path>> byName = new LinkedHashMap<>();
        for (Path f : files) {
            String id = Pipeline.sampleId(f, folders);
            String[] names = {"id " + id, "sheet " + GatingSheet.fileStem(id), "gates " + Pipeline.gatesFileName(id)};
            for (String name : names) {
                byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f);
            }
        }
        List<String> clashes = new ArrayList<>();
        Set<List<Path>> told = new HashSet<>();
        for (List<Path> same : byName.values()) {
            if (same.size() > 1 && told.add(same)) {
                clashes.add(same.stream().map(f -> Pipeline.sampleId(f, folders) + " (" + f + ")")
                        .collect(Collectors.joining(", ")));
            }
        }
        if (clashes.isEmpty()) {
            return null;
        }
        return "these inputs would share a sample id or the names of their gating sheets and Gating-ML files, and "
                + "overwrite each other's outputs: " + String.join("; ", clashes) + ". Give the folder that holds "
                + "them all (sample ids then keep their subfolders, e.g. siteA/P01_V0.fcs) or rename them";
    }

    /**
     * One warning per group of inputs with the same content (SHA-256): in a trial, a file copied under a second
     * name is a sample that is missing and another counted twice, whatever its patient and visit say.
     */
    static List<String> sameContent(List<SampleResult> results) {
        Map<String, List<String>> bySha = new LinkedHashMap<>();
        for (SampleResult r : results) {
            if (r.sha256() != null) {
                bySha.computeIfAbsent(r.sha256(), k -> new ArrayList<>()).add(r.sampleId());
            }
        }
        List<String> out = new ArrayList<>();
        bySha.forEach((sha, ids) -> {
            if (ids.size() > 1) {
                out.add(String.join(", ", ids) + " have the same content (SHA-256 " + sha.substring(0, 12)
                        + "…): one file under several names, so a sample may be mislabelled or counted twice");
            }
        });
        return out;
    }
}
