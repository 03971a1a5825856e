package org.tregflow.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortSimulatorTest {
    private static final CohortConfig SMALL = CohortConfig.defaults().withPatients(3).withEvents(3_000).withSeed(7);

    @TempDir
    Path tmp;

    @Test
    void sameSeedGivesSameBytesWhateverTheThreadCount() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        new CohortSimulator(SMALL.withThreads(1)).write(a);
        new CohortSimulator(SMALL.withThreads(3)).write(b);
        List<String> namesA = listing(a);
        assertEquals(listing(b), namesA);
        assertEquals(3 * 4 + 3, namesA.size(), "12 FCS files + samples.csv + 2 truth files: " + namesA);
        for (String name : namesA) {
            assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
        }
    }

    @Test
    void differentSeedGivesDifferentEvents() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        new CohortSimulator(SMALL.withOnly(List.of("P01_V0"))).write(a);
        new CohortSimulator(SMALL.withSeed(8).withOnly(List.of("P01_V0"))).write(b);
        assertFalse(Arrays.equals(Files.readAllBytes(a.resolve("P01_V0.fcs")),
                Files.readAllBytes(b.resolve("P01_V0.fcs"))));
    }

    @Test
    void filesOfOneCohortDifferFromEachOther() {
        CohortSimulator sim = new CohortSimulator(SMALL);
        float[] v0 = sim.simulate(0, Visit.BASELINE).events().column("FSC-A");
        float[] c1 = sim.simulate(0, Visit.AFTER_CYCLE_1).events().column("FSC-A");
        float[] p2 = sim.simulate(1, Visit.BASELINE).events().column("FSC-A");
        assertFalse(Arrays.equals(v0, c1));
        assertFalse(Arrays.equals(v0, p2));
    }

    @Test
    void oneFileAloneEqualsTheSameFileInTheFullCohort() throws IOException {
        Path full = tmp.resolve("full");
        Path alone = tmp.resolve("alone");
        new CohortSimulator(SMALL).write(full);
        // A smaller cohort, one file: patient P02 must not depend on how many patients follow it.
        new CohortSimulator(SMALL.withPatients(2).withOnly(List.of("P02_C4"))).write(alone);
        assertArrayEquals(Files.readAllBytes(full.resolve("P02_C4.fcs")),
                Files.readAllBytes(alone.resolve("P02_C4.fcs")));
        assertEquals(List.of("P02_C4.fcs", "samples.csv", "truth_endpoint.csv", "truth_files.csv"), listing(alone));
        assertEquals(1, Files.readAllLines(alone.resolve("truth_endpoint.csv")).size(),
                "no endpoint row without the baseline file");
    }

    @Test
    void unknownFileInOnlyIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CohortSimulator(SMALL.withOnly(List.of("P09_V0"))).write(tmp));
        assertTrue(e.getMessage().contains("P09_V0"), e.getMessage());
    }

    @Test
    void armsAreTwoToOneAndTwoOfThreeIl2PatientsRespond() {
        List<PatientProfile> ps = new CohortSimulator(SMALL.withPatients(9)).patients();
        assertEquals(List.of("P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09"),
                ps.stream().map(PatientProfile::id).toList());
        assertEquals(List.of(Arm.IL2, Arm.IL2, Arm.PLACEBO, Arm.IL2, Arm.IL2, Arm.PLACEBO, Arm.IL2, Arm.IL2,
                Arm.PLACEBO), ps.stream().map(PatientProfile::arm).toList());
        assertEquals(List.of(Response.RESPONDER, Response.RESPONDER, Response.NONE, Response.NON_RESPONDER,
                        Response.RESPONDER, Response.NONE, Response.RESPONDER, Response.NON_RESPONDER, Response.NONE),
                ps.stream().map(PatientProfile::response).toList());
    }

    @Test
    void sixteenChannelLayoutAddsWidthAndHeightChannels() {
        SimulatedSample s = new CohortSimulator(SMALL.withChannels(16)).simulate(0, Visit.BASELINE);
        assertEquals(List.of("FSC-A", "FSC-H", "FSC-W", "SSC-A", "SSC-H", "SSC-W", "FITC-A", "PE-A",
                "PerCP-Cy5-5-A", "PE-Cy7-A", "APC-A", "Alexa Fluor 700-A", "BV421-A", "BV510-A", "BV605-A", "Time"),
                s.events().names());
        // The extra channels draw extra noise, so events differ from the 13-channel file; the composition and
        // counts are drawn before any event and must agree.
        SimulatedSample s13 = new CohortSimulator(SMALL).simulate(0, Visit.BASELINE);
        assertEquals(s13.truth(), s.truth());
        assertThrows(IllegalArgumentException.class, () -> SMALL.withChannels(14));
    }

    @Test
    void aCustomScheduleNamesItsOwnEndpointVisit() throws IOException {
        List<Visit> weeks = List.of(new Visit("W0", 0, 0, 0), new Visit("W12", 1, 84, 1));
        CohortConfig cfg = new CohortConfig(2, 2_000, 3, 13, weeks, "W12", List.of(), 2);
        CohortTruth t = new CohortSimulator(cfg).write(tmp);
        assertEquals(List.of("P01_W0.fcs", "P01_W12.fcs", "P02_W0.fcs", "P02_W12.fcs"),
                t.files().stream().map(FileTruth::file).toList());
        assertEquals("W12", t.endpoints().get(0).endpointVisit());
        assertEquals(84, t.files().get(1).day());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CohortConfig(2, 2_000, 3, 13, weeks, "C4", List.of(), 2));
        assertTrue(e.getMessage().contains("C4"), e.getMessage());
    }

    @Test
    void largestRemainderAllocationIsExact() {
        assertArrayEquals(new int[] {3, 3, 4}, EventGenerator.allocate(new double[] {1, 1, 1.2}, 10));
        assertArrayEquals(new int[] {1, 1, 1}, EventGenerator.allocate(new double[] {1, 1, 1}, 3));
        // 0.5 ties go to the lower ordinal
        assertArrayEquals(new int[] {1, 0}, EventGenerator.allocate(new double[] {1, 1}, 1));
        int[] c = EventGenerator.allocate(new double[] {0.123, 0.456, 0.001, 0.42}, 99_999);
        assertEquals(99_999, Arrays.stream(c).sum());
        assertEquals(12_300, c[0], 1);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
