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

    /** A real file of the data with the reader's result. */
    record Readable(Path path, FcsFile file) {
    }

    /**
     * Every file with an FCS header that the reader accepts (the conformance test checks the ones it refuses), read
     * one at a time as the loop goes.
     */
    static Iterable<Readable> readableFcs() {
        List<Path> files = allFiles();
        return () -> files.stream().filter(FcsReader::looksLikeFcs).map(SharedData::readOrNull)
                .filter(java.util.Objects::nonNull).iterator();
    }

    private static Readable readOrNull(Path p) {
        try {
            return new Readable(p, FcsReader.read(p));
        } catch (FcsException e) {
            return null;
        }
    }

    static String relative(Path p) {
        return ROOT.relativize(p).toString().replace('\\', '/');
    }
}
