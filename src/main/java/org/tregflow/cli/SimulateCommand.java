package org.tregflow.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tregflow.simulate.CohortConfig;
import org.tregflow.simulate.CohortSimulator;
import org.tregflow.simulate.CohortTruth;
import org.tregflow.simulate.EndpointTruth;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tregflow simulate}: a synthetic low-dose IL-2 trial cohort with its truth. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic low-dose IL-2 trial: FCS 3.1 files (PATIENT_VISIT.fcs, visits V0 baseline, "
                + "C1 after cycle 1, C4 after cycle 4 = endpoint, FU follow-up; arms IL-2:placebo 2:1), samples.csv, "
                + "and the truth: truth_files.csv (true count of every population per file) and truth_endpoint.csv "
                + "(true fold change of %%CD25hi-of-Treg, C4 vs V0, per patient).",
                "The same options give the same bytes."})
public final class SimulateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if needed).")
    Path out;

    @Option(names = "--patients", paramLabel = "N", defaultValue = "" + CohortConfig.DEFAULT_PATIENTS,
            description = "Number of patients (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--events", paramLabel = "N", defaultValue = "" + CohortConfig.DEFAULT_EVENTS,
            description = "Events per file (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + CohortConfig.DEFAULT_SEED,
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--channels", paramLabel = "N", defaultValue = "13",
            description = "13 (FSC-A, FSC-H, SSC-A, 9 colours, Time) or 16 (adds FSC-W, SSC-H, SSC-W). "
                    + "Default: ${DEFAULT-VALUE}.")
    int channels;

    @Option(names = "--only", paramLabel = "PATIENT_VISIT", split = ",",
            description = "Generate only these files, e.g. --only P01_V0,P01_C4 (same bytes as in the full cohort).")
    List<String> only = new ArrayList<>();

    @Option(names = "--force",
            description = "Replace files of the same names already in the output folder (refused otherwise).")
    boolean force;

    @Option(names = "--threads", paramLabel = "N",
            description = "Files generated at once (default: available cores, at most 4).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        CohortConfig config;
        try {
            config = CohortConfig.defaults().withPatients(patients).withEvents(events).withSeed(seed)
                    .withChannels(channels).withOnly(only);
            if (threads != null) {
                config = config.withThreads(threads);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " is a file, not a folder");
        }
        CohortSimulator sim = new CohortSimulator(config);
        CohortTruth truth;
        try {
            if (!force) {
                refuseToReplace(sim.fileNames());
            }
            truth = sim.write(out);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            String why = e instanceof FileSystemException fse && fse.getReason() != null
                    ? fse.getReason() : e.getClass().getSimpleName().replace("Exception", "");
            String detail = e.getMessage() != null && !e.getMessage().equals(out.toString())
                    ? " (" + e.getMessage() + ")" : "";
            throw new IOException("cannot write the cohort to " + out + ": " + why + detail, e);
        }
        long met = truth.endpoints().stream().filter(EndpointTruth::met).count();
        spec.commandLine().getOut().printf(Locale.ROOT,
                "wrote %d FCS files (%,d events, %d channels each), %s, %s and %s to %s;"
                        + " true endpoint met by %d of %d patients%n",
                truth.files().size(), config.events(), config.channels(), CohortSimulator.SAMPLE_SHEET,
                CohortSimulator.TRUTH_FILES, CohortSimulator.TRUTH_ENDPOINT, out, met, truth.endpoints().size());
        return 0;
    }

    /**
     * A folder that already holds files of the names the cohort is written under: PATIENT_VISIT.fcs and samples.csv
     * are what a lab's own files are often called, and a simulation written over them would replace real data.
     */
    private void refuseToReplace(List<String> names) {
        List<String> present = names.stream().filter(n -> Files.exists(out.resolve(n))).toList();
        if (!present.isEmpty()) {
            String shown = String.join(", ", present.subList(0, Math.min(3, present.size())))
                    + (present.size() > 3 ? " and " + (present.size() - 3) + " more" : "");
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " already holds " + shown
                    + ", which the simulation would replace; give a new or empty folder, or --force to replace them");
        }
    }
}
