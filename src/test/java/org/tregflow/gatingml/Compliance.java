package org.tregflow.gatingml;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tregflow.fcs.FcsDataset;
import org.tregflow.fcs.FcsReader;
import org.tregflow.gating.Population;

/** Where the ISAC Gating-ML 2.0 compliance suite lives, and how one set is evaluated. */
final class Compliance {
    static final Path ROOT = Path.of("../shared/data/gatingml2-compliance");

    private Compliance() {
    }

    static void assumePresent() {
        assumeTrue(Files.isDirectory(ROOT), "Gating-ML 2.0 compliance suite not found at " + ROOT.toAbsolutePath()
                + " (../shared/data is absent in a fresh clone): skipping");
    }

    static Path gates(int set) {
        return ROOT.resolve("Gating-MLFiles/gates" + set + ".xml");
    }

    static Path fcs(int set) {
        return ROOT.resolve("FCSFiles").resolve(switch (set) {
            case 1 -> "data1.fcs";
            case 2 -> "data2.fcs";
            default -> "9399_1_3_NKR.fcs";
        });
    }

    static FcsDataset data(int set) throws IOException {
        return FcsReader.read(fcs(set)).first();
    }

    static Map<String, Population> evaluate(GatingMlDocument doc, FcsDataset data) {
        return doc.gates().evaluate(new GatingMlEventSource(data.events(), data.spillover(), doc.matrices()));
    }

    /** Expected results by gate id (sorted), from {@code ExpectedResults/set_N/Results_<id>.txt}. */
    static Map<String, Path> expected(int set) throws IOException {
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(ROOT.resolve("ExpectedResults/set_" + set))) {
            s.forEach(p -> {
                String f = p.getFileName().toString();
                if (f.startsWith("Results_") && f.endsWith(".txt")) {
                    out.put(f.substring("Results_".length(), f.length() - ".txt".length()), p);
                }
            });
        }
        return out;
    }

    /** One 0/1 per line, in file order. */
    static boolean[] readMembership(Path p) throws IOException {
        List<String> lines = Files.readAllLines(p);
        List<String> kept = new ArrayList<>();
        for (String l : lines) {
            if (!l.isBlank()) {
                kept.add(l.trim());
            }
        }
        boolean[] out = new boolean[kept.size()];
        for (int i = 0; i < out.length; i++) {
            String l = kept.get(i);
            if (!l.equals("0") && !l.equals("1")) {
                throw new IOException(p + ": line " + (i + 1) + " is '" + l + "', not 0 or 1");
            }
            out[i] = l.equals("1");
        }
        return out;
    }

    /** Null when equal, else a description of the first differences. */
    static String compare(boolean[] expected, Population actual) {
        if (expected.length != actual.size()) {
            return "expected " + expected.length + " events, data has " + actual.size();
        }
        int diff = 0;
        int expCount = 0;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < expected.length; i++) {
            if (expected[i]) {
                expCount++;
            }
            if (expected[i] != actual.contains(i)) {
                if (diff < 5) {
                    first.append(' ').append(i).append(expected[i] ? "(expected in)" : "(expected out)");
                }
                diff++;
            }
        }
        return diff == 0 ? null : diff + " events differ (expected count " + expCount + ", ours " + actual.count()
                + "); first:" + first;
    }
}
