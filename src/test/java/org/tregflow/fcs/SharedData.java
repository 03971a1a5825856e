package org.tregflow.fcs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared real-world test data at ../shared/data (present in CI, absent in a fresh clone). */
final class SharedData {
    static final Path ROOT = Path.of("..", "shared", "data");

    private SharedData() {
    }

    static Path root() {
        assumeTrue(Files.isDirectory(ROOT.resolve("reference")),
                "skipped: shared test data not found at " + ROOT.toAbsolutePath().normalize());
        return ROOT;
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    /** Every regular file under the data folder, sorted, whatever its extension. */
    static List<Path> allFiles() {
        try (Stream<Path> s = Files.walk(root())) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relative(Path p) {
        return ROOT.relativize(p).toString().replace('\\', '/');
    }
}
