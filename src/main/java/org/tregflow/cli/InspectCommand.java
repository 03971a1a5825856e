package org.tregflow.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tregflow.compensation.SpilloverMatrix;
import org.tregflow.fcs.Channel;
import org.tregflow.fcs.EventTable;
import org.tregflow.fcs.FcsDataset;
import org.tregflow.fcs.FcsFile;
import org.tregflow.fcs.FcsReader;
import org.tregflow.fcs.ReadOptions;
import org.tregflow.fcs.Stringency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tregflow inspect FILE [--json] [--head N]}: what an FCS file holds. The whole report is built before
 * anything is printed, so an unreadable file leaves standard output empty (one line on standard error, exit 1).
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show an FCS file's version, data sets, channels, spillover, warnings and first events"
                + " (as scale values).")
public final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the FCS file (any extension)")
    Path file;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Option(names = "--head", paramLabel = "N", defaultValue = "5",
            description = "how many first events to show (default: ${DEFAULT-VALUE})")
    int head;

    @Option(names = "--strict", description = "refuse files that need repairs instead of repairing them")
    boolean strict;

    @Override
    public Integer call() throws Exception {
        if (head < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--head must be 0 or more");
        }
        FcsFile fcs = FcsReader.read(file, new ReadOptions(strict ? Stringency.STRICT : Stringency.LENIENT, true));
        String report = json ? json(fcs) : text(fcs);
        spec.commandLine().getOut().print(report);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private String json(FcsFile fcs) throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", fcs.path().toString());
        root.put("version", fcs.version());
        List<Object> sets = new ArrayList<>();
        for (FcsDataset ds : fcs.datasets()) {
            EventTable t = ds.events();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("events", t.eventCount());
            d.put("parameters", t.channelCount());
            List<Object> chans = new ArrayList<>();
            for (Channel c : t.channels()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", c.name());
                m.put("marker", c.marker());
                m.put("range", c.range());
                m.put("bits", c.bits());
                chans.add(m);
            }
            d.put("channels", chans);
            d.put("keywords", ds.keywords().asMap());
            SpilloverMatrix s = ds.spillover();
            if (s == null) {
                d.put("spillover", null);
            } else {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("channels", s.channels());
                double[][] rows = new double[s.size()][];
                for (int i = 0; i < s.size(); i++) {
                    rows[i] = s.values()[i].clone();
                }
                m.put("matrix", rows);
                d.put("spillover", m);
            }
            d.put("warnings", ds.warnings());
            Map<String, Object> first = new LinkedHashMap<>();
            int n = Math.min(head, t.eventCount());
            for (int c = 0; c < t.channelCount(); c++) {
                List<Object> vals = new ArrayList<>(n);
                float[] col = t.column(c);
                for (int e = 0; e < n; e++) {
                    // JSON has no NaN or infinity; null keeps the position.
                    vals.add(Float.isFinite(col[e]) ? (Object) col[e] : null);
                }
                first.put(t.channel(c).name(), vals);
            }
            d.put("head", first);
            sets.add(d);
        }
        root.put("datasets", sets);
        return new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .writerWithDefaultPrettyPrinter().writeValueAsString(root) + System.lineSeparator();
    }

    private String text(FcsFile fcs) {
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        sb.append("file:      ").append(fcs.path()).append(nl);
        sb.append("version:   ").append(fcs.version()).append(nl);
        sb.append("data sets: ").append(fcs.datasets().size()).append(nl);
        int k = 0;
        for (FcsDataset ds : fcs.datasets()) {
            EventTable t = ds.events();
            k++;
            sb.append(nl).append("data set ").append(k).append(": ").append(t.eventCount()).append(" events, ")
                    .append(t.channelCount()).append(" parameters");
            String cyt = ds.keywords().value("$CYT");
            if (cyt != null) {
                sb.append(", cytometer ").append(cyt);
            }
            sb.append(nl);
            sb.append(String.format(Locale.ROOT, "  %3s  %-20s %-28s %12s %5s %4s%n", "#", "name ($PnN)",
                    "marker ($PnS)", "range", "bits", "type"));
            for (Channel c : t.channels()) {
                sb.append(String.format(Locale.ROOT, "  %3d  %-20s %-28s %12s %5d %4s%n", c.number(), c.name(),
                        c.marker() == null ? "" : c.marker(), number(c.range()), c.bits(), c.dataType()));
            }
            SpilloverMatrix s = ds.spillover();
            if (s == null) {
                sb.append("  spillover: none").append(nl);
            } else {
                sb.append("  spillover: ").append(s.size()).append(" channels").append(nl);
                for (int i = 0; i < s.size(); i++) {
                    sb.append(String.format(Locale.ROOT, "    %-20s", s.channels().get(i)));
                    for (int j = 0; j < s.size(); j++) {
                        sb.append(String.format(Locale.ROOT, " %8.4f", s.get(i, j)));
                    }
                    sb.append(nl);
                }
            }
            if (ds.warnings().isEmpty()) {
                sb.append("  warnings: none").append(nl);
            } else {
                sb.append("  warnings:").append(nl);
                for (String w : ds.warnings()) {
                    sb.append("    - ").append(w).append(nl);
                }
            }
            int n = Math.min(head, t.eventCount());
            if (n > 0) {
                sb.append("  first ").append(n).append(" events (scale values):").append(nl);
                sb.append("   ");
                for (Channel c : t.channels()) {
                    sb.append(String.format(Locale.ROOT, " %14s", c.name()));
                }
                sb.append(nl);
                for (int e = 0; e < n; e++) {
                    sb.append("   ");
                    for (int c = 0; c < t.channelCount(); c++) {
                        sb.append(String.format(Locale.ROOT, " %14s", number(t.column(c)[e])));
                    }
                    sb.append(nl);
                }
            }
        }
        return sb.toString();
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
