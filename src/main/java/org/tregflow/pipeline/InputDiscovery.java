package org.tregflow.pipeline;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.tregflow.fcs.FcsReader;

/**
 * Finds the input files of a run. A file named on the command line is an input whatever it is (if it is not FCS,
 * it fails with its own message). In folders, searched recursively, a file is an input when its name ends in
 * {@code .fcs} or {@code .lmd} (any case) or when it begins with an FCS header whatever its name ({@code .001},
 * {@code .B08}, no extension…): instruments name files in many ways, and sniffing six bytes is cheap.
 */
public final class InputDiscovery {
    /**
     * @param files   the inputs, sorted by path within each folder, without duplicates
     * @param folders the folders given (sample sheet paths may not escape them)
     * @param problems inputs that do not exist, one message each
     */
    public record Inputs(List<Path> files, List<Path> folders, List<String> problems) {
        public Inputs {
            files = List.copyOf(files);
            folders = List.copyOf(folders);
            problems = List.copyOf(problems);
        }
    }

    private InputDiscovery() {
    }

    public static Inputs discover(List<Path> inputs) {
        Set<Path> files = new LinkedHashSet<>();
        List<Path> folders = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path in : inputs) {
            Path p = in.toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                folders.add(p);
                try (Stream<Path> walk = Files.walk(p, FileVisitOption.FOLLOW_LINKS)) {
                    walk.filter(Files::isRegularFile).filter(f -> !isHidden(f)).sorted()
                            .filter(InputDiscovery::isFcsCandidate).forEach(files::add);
                } catch (IOException | RuntimeException e) {
                    problems.add(in + ": cannot list the folder: " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                problems.add(in + ": no such file or folder");
            }
        }
        return new Inputs(new ArrayList<>(files), folders, problems);
    }

    static boolean isFcsCandidate(Path f) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".fcs") || name.endsWith(".lmd") || FcsReader.looksLikeFcs(f);
    }

    private static boolean isHidden(Path f) {
        // Temporary files of an interrupted writer (".name.tmp") are not inputs.
        return f.getFileName().toString().startsWith(".");
    }
}
