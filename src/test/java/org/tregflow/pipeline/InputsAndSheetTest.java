package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tregflow.fcs.Channel;
import org.tregflow.fcs.EventTable;
import org.tregflow.fcs.FcsWriter;
import org.tregflow.stats.SampleInfo;

class InputsAndSheetTest {
    @TempDir
    Path dir;

    private void fcs(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        EventTable t = new EventTable(List.of(Channel.ofFloat(1, "FSC-A", null, 1024)), new float[][] {{1, 2, 3}}, 3);
        FcsWriter.write(p, t, null, null);
    }

    @Test
    void discoversByExtensionAnyCaseAndByHeaderRecursively() throws Exception {
        fcs(dir.resolve("a.FCS"));
        fcs(dir.resolve("b.lmd"));
        fcs(dir.resolve("sub/deeper/c.001"));
        fcs(dir.resolve("sub/D08"));
        Files.writeString(dir.resolve("samples.csv"), "file,patient,visit\n");
        Files.writeString(dir.resolve("notes.txt"), "FC not a header");
        Files.writeString(dir.resolve("broken.fcs"), "named like one");
        fcs(dir.resolve(".partial.fcs"));
        InputDiscovery.Inputs in = InputDiscovery.discover(List.of(dir, dir.resolve("missing")));
        List<String> names = in.files().stream().map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
        assertEquals(List.of("a.FCS", "b.lmd", "broken.fcs", "sub/D08", "sub/deeper/c.001"), names);
        assertEquals(List.of(dir.toAbsolutePath().normalize()), in.folders());
        assertEquals(1, in.problems().size());
        assertTrue(in.problems().get(0).contains("missing: no such file or folder"));
        // A file named explicitly is an input whatever it is: it will fail with its own message.
        assertEquals(1, InputDiscovery.discover(List.of(dir.resolve("notes.txt"))).files().size());
    }

    @Test
    void sheetResolvesAgainstItsFolderAndStaysInsideTheInputs() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path sheet = data.resolve("samples.csv");
        Files.writeString(sheet, """
                file,patient,visit,arm,week
                P1_V0.fcs,P1,V0,"IL-2, low dose",0
                sub/P1_W4.fcs,P1,W4,"IL-2, low dose",4
                ../outside.fcs,P9,V0,placebo,0
                P2_V0.fcs,P2,V0,placebo,zero
                """);
        SampleSheet s = SampleSheet.read(sheet, List.of(data.toAbsolutePath().normalize()));
        SampleInfo w4 = s.entries().get(data.resolve("sub/P1_W4.fcs").toAbsolutePath().normalize());
        assertEquals(new SampleInfo("P1", "W4", "IL-2, low dose", null, 28.0), w4);
        assertEquals(2, s.entries().size());
        assertEquals(2, s.problems().size(), s.problems().toString());
        assertTrue(s.problems().get(0).contains(":4: ../outside.fcs is outside the input folders"), s.problems().get(0));
        assertTrue(s.problems().get(1).contains(":5: week 'zero' is not a number"), s.problems().get(1));
        List<String> absent = s.absent(List.of(data.resolve("P1_V0.fcs").toAbsolutePath().normalize()));
        assertEquals(1, absent.size());
        assertTrue(absent.get(0).contains("P1_W4.fcs"));

        Files.writeString(sheet, "name,patient,visit\n");
        IOException e = assertThrows(IOException.class, () -> SampleSheet.read(sheet, List.of()));
        assertTrue(e.getMessage().contains("no 'file' column"));
    }

    @Test
    void aSheetMustBeUtf8AndABadFileNameIsOneRowsProblem() throws Exception {
        Path sheet = dir.resolve("samples.csv");
        // UTF-8 with Excel's byte-order mark and accented names: read as written.
        Files.write(sheet, ("\uFEFFfile,patient,visit,arm\nP1_V0.fcs,Müller-01,V0,placébo\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        SampleSheet s = SampleSheet.read(sheet, List.of());
        assertEquals(new SampleInfo("Müller-01", "V0", "placébo", null, null),
                s.entries().get(dir.resolve("P1_V0.fcs").toAbsolutePath().normalize()));
        // The same sheet as Excel's plain "CSV" writes it (Windows-1252): refused, with the line and the byte.
        Files.write(sheet, "file,patient,visit,arm\r\nP1_V0.fcs,Müller-01,V0,IL-2\r\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        IOException e = assertThrows(IOException.class, () -> SampleSheet.read(sheet, List.of()));
        assertEquals(sheet + ":2: not UTF-8 text (byte 0xFC); save the sample sheet as UTF-8 (in Excel: Save As,"
                + " \"CSV UTF-8 (Comma delimited)\")", e.getMessage());
        // A file name the file system cannot hold (a NUL) is that row's problem, not the run's end.
        Files.writeString(sheet, "file,patient,visit\nP1\u0000_V0.fcs,P1,V0\nP2_V0.fcs,P2,V0\n");
        SampleSheet withNul = SampleSheet.read(sheet, List.of());
        assertEquals(1, withNul.entries().size());
        assertEquals(1, withNul.problems().size(), withNul.problems().toString());
        assertTrue(withNul.problems().get(0).startsWith(sheet + ":2: 'P1\u0000_V0.fcs' is not a file name here ("),
                withNul.problems().get(0));
    }

    @Test
    void semicolonsOrTabsSeparateASheetWhoseHeaderSaysSo() throws Exception {
        Path sheet = dir.resolve("samples.csv");
        SampleInfo expected = new SampleInfo("P1", "V0", "IL-2, low dose", 1.0, null);
        Path file = dir.resolve("P1_V0.fcs").toAbsolutePath().normalize();
        // As a spreadsheet writes "CSV" where the decimal mark is a comma: semicolons, commas inside cells.
        Files.writeString(sheet, "File;Patient;Visit;Arm;Visit_Order\nP1_V0.fcs;P1;V0;IL-2, low dose;1\n");
        assertEquals(Map.of(file, expected), SampleSheet.read(sheet, List.of()).entries());
        Files.writeString(sheet, "file\tpatient\tvisit\tarm\tvisit_order\nP1_V0.fcs\tP1\tV0\tIL-2, low dose\t1\n");
        assertEquals(Map.of(file, expected), SampleSheet.read(sheet, List.of()).entries());
        // A comma header still wins: a semicolon inside one of its cells is just text.
        Files.writeString(sheet, "file,patient,visit,arm,visit_order\nP1_V0.fcs,P1,V0,\"IL-2, low dose\",1\n");
        assertEquals(Map.of(file, expected), SampleSheet.read(sheet, List.of()).entries());
        Files.writeString(sheet, "file|patient|visit\nP1_V0.fcs|P1|V0\n");
        IOException e = assertThrows(IOException.class, () -> SampleSheet.read(sheet, List.of()));
        assertEquals(sheet + ": the sample sheet has no 'file' column (header: file|patient|visit)", e.getMessage());
    }

    @Test
    void aRowMatchesTheOneInputItNamesUpToCase() throws Exception {
        Path sheet = dir.resolve("samples.csv");
        Files.writeString(sheet, "file,patient,visit\np1_v0.FCS,P1,V0\nP2_V0.fcs,P2,V0\nx.fcs,P3,V0\n");
        Path p1 = dir.resolve("P1_V0.fcs").toAbsolutePath().normalize();
        Path p2 = dir.resolve("P2_V0.fcs").toAbsolutePath().normalize();
        Path upper = dir.resolve("X.fcs").toAbsolutePath().normalize();
        Path lower = dir.resolve("x.FCS").toAbsolutePath().normalize();
        SampleSheet s = SampleSheet.read(sheet, List.of()).matchedTo(List.of(p1, p2, upper, lower));
        assertEquals(new SampleInfo("P1", "V0", null, null, null), s.entries().get(p1));
        assertEquals(new SampleInfo("P2", "V0", null, null, null), s.entries().get(p2));
        assertEquals(List.of("sample sheet " + sheet + " lists " + dir.resolve("p1_v0.FCS").toAbsolutePath().normalize()
                + ": taken as " + p1 + " (the names differ only in case or Unicode form)"), s.problems());
        // An accented name typed composed (as a sheet has it) for a file named decomposed (as macOS keeps it).
        Files.writeString(sheet, "file,patient,visit\nP\u00c9_V0.fcs,PE,V0\n");
        Path decomposed = dir.resolve("PE\u0301_V0.fcs").toAbsolutePath().normalize();
        SampleSheet accents = SampleSheet.read(sheet, List.of()).matchedTo(List.of(decomposed));
        assertEquals(new SampleInfo("PE", "V0", null, null, null), accents.entries().get(decomposed));
        // x.fcs is X.fcs or x.FCS: two inputs, so neither; the row stays unmatched and is reported absent.
        assertNull(s.entries().get(upper));
        assertNull(s.entries().get(lower));
        assertEquals(1, s.absent(List.of(p1, p2, upper, lower)).size());
    }

    /** Rows missing from the inputs are reported in the sheet's order, the same in every run. */
    @Test
    void absentRowsInTheSheetsOrder() throws Exception {
        StringBuilder rows = new StringBuilder("file,patient,visit\n");
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = "P" + (97 - i) + "_V" + (i % 4) + ".fcs"; // neither sorted nor hash-ordered
            names.add(name);
            rows.append(name).append(",P").append(97 - i).append(",V").append(i % 4).append('\n');
        }
        Path sheet = dir.resolve("samples.csv");
        Files.writeString(sheet, rows);
        SampleSheet s = SampleSheet.read(sheet, List.of(dir.toAbsolutePath().normalize()));
        List<String> absent = s.absent(List.of());
        assertEquals(names.size(), absent.size());
        for (int i = 0; i < names.size(); i++) {
            assertTrue(absent.get(i).contains(names.get(i) + ","), i + ": " + absent.get(i));
        }
        assertEquals(names, s.entries().keySet().stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void csvQuoting() {
        assertEquals(List.of("a", "b, c", "say \"hi\"", ""), SampleSheet.parse("a,\"b, c\",\"say \"\"hi\"\"\",", ','));
        assertEquals(List.of("a", "b; c", "d,e"), SampleSheet.parse("a;\"b; c\";d,e", ';'));
    }

    @Test
    void sampleIdIsThePathInsideItsFolder() {
        Path f = dir.resolve("x/y/P1.fcs");
        assertEquals("x/y/P1.fcs", Pipeline.sampleId(f, List.of(dir)));
        assertEquals("P1.fcs", Pipeline.sampleId(f, List.of(dir.resolve("other"))));
        assertNull(null);
    }
}
