package org.tregflow.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.cli.Main;

/** The committed sample-data/ is exactly what the command in its README produces, and stays small. */
class SampleDataTest {
    static final Path SAMPLE_DATA = Path.of("sample-data");

    @TempDir
    Path tmp;

    @Test
    void readmeCommandRegeneratesEveryFileByteForByte() throws IOException {
        assertTrue(Files.isDirectory(SAMPLE_DATA), "sample-data/ is part of the project; run from the project root");
        List<String> args = readmeCommand();
        int out = args.indexOf("--out");
        assertEquals("sample-data", args.get(out + 1), "the README command writes to sample-data");
        args.set(out + 1, tmp.toString());
        assertEquals(0, Main.execute(args.toArray(String[]::new)));

        List<String> committed = listing(SAMPLE_DATA);
        committed.remove("README.md");
        assertEquals(listing(tmp), committed);
        assertEquals(24 + 3, committed.size());
        for (String name : committed) {
            assertArrayEquals(Files.readAllBytes(SAMPLE_DATA.resolve(name)), Files.readAllBytes(tmp.resolve(name)),
                    name + " differs from what the README's command produces");
        }
    }

    @Test
    void sampleDataStaysUnder25Megabytes() throws IOException {
        long total = 0;
        try (Stream<Path> s = Files.list(SAMPLE_DATA)) {
            for (Path p : s.toList()) {
                total += Files.size(p);
            }
        }
        assertTrue(total < 25_000_000, "sample-data holds " + total + " bytes");
    }

    @Test
    void readmeTableOfEndpointsMatchesTheTruthFile() throws IOException {
        String readme = Files.readString(SAMPLE_DATA.resolve("README.md"));
        for (var row : TruthTablesTest.csv(SAMPLE_DATA.resolve("truth_endpoint.csv"))) {
            String fold = String.format(java.util.Locale.ROOT, "%.3f", Double.parseDouble(row.get("fold_change")));
            String line = "| " + row.get("patient") + " | " + row.get("arm") + " | ";
            assertTrue(readme.contains(line), line);
            int at = readme.indexOf(line);
            String tableRow = readme.substring(at, readme.indexOf('\n', at));
            assertTrue(tableRow.contains("| " + fold + " | " + row.get("met") + " |"), tableRow + " vs " + row);
        }
    }

    /** The arguments after "tregflow" on the README line that starts with scripts/tregflow simulate. */
    private static List<String> readmeCommand() throws IOException {
        for (String line : Files.readAllLines(SAMPLE_DATA.resolve("README.md"))) {
            String t = line.trim();
            if (t.startsWith("scripts/tregflow simulate ")) {
                List<String> words = new ArrayList<>(Arrays.asList(t.split("\\s+")));
                return new ArrayList<>(words.subList(1, words.size()));
            }
        }
        throw new AssertionError("sample-data/README.md has no 'scripts/tregflow simulate' command line");
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
