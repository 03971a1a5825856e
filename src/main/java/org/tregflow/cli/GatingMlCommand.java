package org.tregflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.tregflow.fcs.FcsDataset;
import org.tregflow.fcs.FcsReader;
import org.tregflow.gating.GateTree;
import org.tregflow.gating.Population;
import org.tregflow.gatingml.GatingMlDocument;
import org.tregflow.gatingml.GatingMlEventSource;
import org.tregflow.gatingml.GatingMlReader;
import org.tregflow.io.AtomicFile;

/** {@code tregflow gatingml GATES.xml FCS [--out DIR]}: applies a Gating-ML 2.0 file to the first data set of an FCS file. */
@Command(name = "gatingml", mixinStandardHelpOptions = true,
        description = {"Apply a Gating-ML 2.0 file to an FCS file and print each gate's id, parent and event count.",
                "Event values are scale values ($PnE decoded, divided by $PnG); compensation and transforms are as "
                        + "each gate dimension says."})
public final class GatingMlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GATES.xml", description = "Gating-ML 2.0 file")
    Path gates;

    @Parameters(index = "1", paramLabel = "FCS", description = "FCS file (its first data set is gated)")
    Path fcs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "also write DIR/counts.csv (gate_id,parent,count) and DIR/membership/<gate_id>.txt "
                    + "(one 0/1 per event, in file order)")
    Path out;

    @Override
    public Integer call() throws IOException {
        GatingMlDocument doc = GatingMlReader.read(gates);
        FcsDataset data = FcsReader.read(fcs).first();
        GateTree tree = doc.gates();
        Map<String, Population> pops = tree.evaluate(
                new GatingMlEventSource(data.events(), data.spillover(), doc.matrices()));

        PrintWriter w = spec.commandLine().getOut();
        int width = Math.max(7, pops.keySet().stream().mapToInt(String::length).max().orElse(0));
        w.printf("%-" + width + "s  %-" + width + "s  %10s%n", "gate_id", "parent", "count");
        StringBuilder csv = new StringBuilder("gate_id,parent,count\n");
        for (Map.Entry<String, Population> e : pops.entrySet()) {
            String parent = tree.parentOf(e.getKey());
            long count = e.getValue().count();
            w.printf("%-" + width + "s  %-" + width + "s  %10d%n", e.getKey(), parent == null ? "-" : parent, count);
            csv.append(csvField(e.getKey())).append(',').append(parent == null ? "" : csvField(parent)).append(',')
                    .append(count).append('\n');
        }
        w.flush();
        if (out != null) {
            writeOutputs(csv.toString(), pops, data.events().eventCount());
            w.println("wrote " + out.resolve("counts.csv") + " and " + pops.size() + " membership files in "
                    + out.resolve("membership"));
            w.flush();
        }
        return 0;
    }

    private void writeOutputs(String csv, Map<String, Population> pops, int n) throws IOException {
        Path dir = out.resolve("membership");
        Files.createDirectories(dir);
        Set<String> used = new HashSet<>();
        for (Map.Entry<String, Population> e : pops.entrySet()) {
            String file = fileName(e.getKey());
            if (!used.add(file.toLowerCase(java.util.Locale.ROOT))) {
                throw new IOException("gate ids " + e.getKey() + " and another map to the same file name " + file);
            }
            byte[] bytes = new byte[2 * n];
            Population p = e.getValue();
            for (int i = 0; i < n; i++) {
                bytes[2 * i] = p.contains(i) ? (byte) '1' : (byte) '0';
                bytes[2 * i + 1] = '\n';
            }
            AtomicFile.write(dir.resolve(file), bytes);
        }
        AtomicFile.write(out.resolve("counts.csv"), csv.getBytes(StandardCharsets.UTF_8));
    }

    /** A gate id as a file name: characters unsafe in paths become '_'. */
    static String fileName(String gateId) {
        return gateId.replaceAll("[^A-Za-z0-9._+-]", "_") + ".txt";
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

}
