package org.tregflow.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.tregflow.compensation.SpilloverMatrix;
import org.tregflow.fcs.EventTable;
import org.tregflow.fcs.FcsWriter;
import org.tregflow.fcs.Keywords;
import org.tregflow.io.Parallel;

/**
 * A synthetic low-dose IL-2 trial: FCS 3.1 files, a sample sheet and the truth (see {@code sample-data/README.md}).
 * Output depends only on the {@link CohortConfig} (never on threads, order or clock), so the same seed gives the same
 * bytes and any single file can be regenerated alone.
 */
public final class CohortSimulator {
    public static final String SAMPLE_SHEET = "samples.csv";
    public static final String TRUTH_FILES = "truth_files.csv";
    public static final String TRUTH_ENDPOINT = "truth_endpoint.csv";
    /** Visit days are written as $DATE counted from this fixed date, never from the clock. */
    private static final LocalDate STUDY_START = LocalDate.of(2025, 1, 6);
    /** FCS $DATE form: dd-mmm-yyyy. */
    private static final DateTimeFormatter FCS_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ROOT);

    private final CohortConfig config;
    private final List<PatientProfile> patients;
    private final SpilloverMatrix spillover = Panel.spillover();

    public CohortSimulator(CohortConfig config) {
        this.config = config;
        List<PatientProfile> ps = new ArrayList<>(config.patients());
        for (int i = 0; i < config.patients(); i++) {
            ps.add(PatientProfile.draw(config.seed(), i));
        }
        this.patients = List.copyOf(ps);
    }

    public CohortConfig config() {
        return config;
    }

    public List<PatientProfile> patients() {
        return patients;
    }

    /** The file name of a patient's sample at a visit: {@code P01_V0.fcs}. */
    public static String fileName(String patient, Visit visit) {
        return patient + "_" + visit.name() + ".fcs";
    }

    /** Generates one file in memory (nothing is written). */
    public SimulatedSample simulate(int patientIndex, Visit visit) {
        PatientProfile p = patients.get(patientIndex);
        int visitIndex = config.visits().indexOf(visit);
        if (visitIndex < 0) {
            throw new IllegalArgumentException("visit " + visit.name() + " is not in the schedule");
        }
        UniformRandomProvider rng = Seeds.stream(config.seed(), patientIndex, visitIndex);
        double[] composition = p.composition(visit, rng);
        EventGenerator.Generated g = EventGenerator.generate(composition, config.events(), config.channels(), rng);
        String file = fileName(p.id(), visit);
        EventTable table = new EventTable(Panel.channels(config.channels()), g.columns(), config.events());
        FileTruth truth = new FileTruth(file, p.id(), visit.name(), p.arm(), p.response(), visit.order(),
                visit.day(), g.counts());
        return new SimulatedSample(file, table, keywords(p, visit, file), spillover, truth, g.labels());
    }

    private Keywords keywords(PatientProfile p, Visit visit, String file) {
        Keywords k = new Keywords();
        k.put("$CYT", "tregflow simulate (synthetic BD-style 3-laser cytometer)");
        k.put("$FIL", file);
        k.put("$SRC", p.id());
        k.put("$DATE", STUDY_START.plusDays(visit.day()).format(FCS_DATE).toUpperCase(Locale.ROOT));
        k.put("$TIMESTEP", Double.toString(EventGenerator.TIMESTEP));
        k.put("$COM", "Synthetic low-dose IL-2 trial sample; true population counts in " + TRUTH_FILES);
        k.put("TREGFLOW_PATIENT", p.id());
        k.put("TREGFLOW_VISIT", visit.name());
        k.put("TREGFLOW_ARM", p.arm().label());
        k.put("TREGFLOW_DAY", Integer.toString(visit.day()));
        k.put("TREGFLOW_SEED", Long.toString(config.seed()));
        return k;
    }

    /**
     * Writes the cohort to {@code outDir}: one FCS file per patient and visit (or only those in
     * {@link CohortConfig#only()}), {@code samples.csv}, {@code truth_files.csv} and {@code truth_endpoint.csv}.
     */
    public CohortTruth write(Path outDir) throws IOException {
        List<int[]> plan = plan();
        int threads = Math.min(Math.min(config.threads(), filesThatFitInMemory()), Math.max(1, plan.size()));
        Files.createDirectories(outDir);
        List<FileTruth> truths;
        try {
            truths = Parallel.map(plan, threads, "tregflow-simulate",
                    pv -> writeOne(outDir, pv[0], config.visits().get(pv[1])));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("simulation interrupted", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        CohortTruth truth = new CohortTruth(truths, endpoints(truths));
        TruthTables.write(outDir, truth);
        return truth;
    }

    /** The names of the files {@link #write} writes: the FCS files in sheet order, then the sheet and the truth. */
    public List<String> fileNames() {
        List<String> names = new ArrayList<>();
        for (int[] pv : plan()) {
            names.add(fileName(patients.get(pv[0]).id(), config.visits().get(pv[1])));
        }
        names.addAll(List.of(SAMPLE_SHEET, TRUTH_FILES, TRUTH_ENDPOINT));
        return names;
    }

    /**
     * How many files may be in memory at once: each holds its float columns and one label byte per event, plus a
     * margin for the writer. Fails clearly when not even one fits, rather than with an OutOfMemoryError midway.
     */
    private int filesThatFitInMemory() {
        long perFile = (long) config.events() * (config.channels() * Float.BYTES + 1) + (4L << 20);
        long budget = (long) (Runtime.getRuntime().maxMemory() * 0.7);
        if (perFile > budget) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%,d events x %d channels need about %,d MB per file but the Java heap allows %,d MB;"
                            + " give Java more memory (e.g. TREGFLOW_JAVA_OPTS=-Xmx8g) or ask for fewer events",
                    config.events(), config.channels(), perFile >> 20, budget >> 20));
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, budget / perFile));
    }

    private FileTruth writeOne(Path outDir, int patientIndex, Visit visit) throws IOException {
        SimulatedSample s = simulate(patientIndex, visit);
        FcsWriter.write(outDir.resolve(s.fileName()), s.events(), s.keywords(), s.spillover());
        return s.truth();
    }

    /** (patient index, visit index) pairs in sheet order: by patient, then visit. */
    private List<int[]> plan() {
        Set<String> wanted = new LinkedHashSet<>();
        for (String stem : config.only()) {
            wanted.add(stem.endsWith(".fcs") ? stem.substring(0, stem.length() - 4) : stem);
        }
        List<int[]> plan = new ArrayList<>();
        Set<String> found = new LinkedHashSet<>();
        for (int p = 0; p < patients.size(); p++) {
            for (int v = 0; v < config.visits().size(); v++) {
                String stem = patients.get(p).id() + "_" + config.visits().get(v).name();
                if (wanted.isEmpty() || wanted.contains(stem)) {
                    plan.add(new int[] {p, v});
                    found.add(stem);
                }
            }
        }
        wanted.removeAll(found);
        if (!wanted.isEmpty()) {
            throw new IllegalArgumentException("no such file in this cohort: " + wanted + " (files are named "
                    + "PATIENT_VISIT, patients P01.." + PatientProfile.idOf(patients.size() - 1) + ", visits "
                    + config.visits().stream().map(Visit::name).toList() + ")");
        }
        return plan;
    }

    /** Endpoint truth for every patient whose baseline and endpoint files were both generated. */
    private List<EndpointTruth> endpoints(List<FileTruth> files) {
        String base = config.baseline().name();
        List<EndpointTruth> out = new ArrayList<>();
        for (PatientProfile p : patients) {
            FileTruth b = find(files, p.id(), base);
            FileTruth e = find(files, p.id(), config.endpointVisit());
            if (b != null && e != null) {
                out.add(EndpointTruth.of(b, e));
            }
        }
        return out;
    }

    private static FileTruth find(List<FileTruth> files, String patient, String visit) {
        for (FileTruth f : files) {
            if (f.patient().equals(patient) && f.visit().equals(visit)) {
                return f;
            }
        }
        return null;
    }
}
