package org.tregflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tregflow.fcs.EventTable;
import org.tregflow.fcs.FcsDataset;
import org.tregflow.fcs.FcsReader;
import org.tregflow.fcs.FcsWriter;
import org.tregflow.fcs.Keywords;

/**
 * A real file's events repeated, as the reference measured FlowKit on: FACSAria file 100715.fcs of
 * ../shared/data (65,016 events x 16 channels, a 13-channel spillover) 16 times over is 1,040,256 events. The
 * scale values are written as floats with the file's spillover, $CYT and the channels' names, stains and ranges.
 * Run: java -cp target/test-classes:target/classes:$(cat target/bench-classpath.txt) org.tregflow.bench.RepeatedFile
 * IN.fcs TIMES OUT.fcs
 */
public final class RepeatedFile {
    private RepeatedFile() {
    }

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        int times = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        FcsDataset ds = FcsReader.read(in).first();
        EventTable t = ds.events();
        int n = t.eventCount();
        float[][] columns = new float[t.channelCount()][];
        for (int c = 0; c < columns.length; c++) {
            float[] src = t.column(c);
            float[] dst = new float[Math.multiplyExact(n, times)];
            for (int r = 0; r < times; r++) {
                System.arraycopy(src, 0, dst, r * n, n);
            }
            columns[c] = dst;
        }
        Keywords extra = new Keywords();
        String cytometer = ds.keywords().value("$CYT");
        if (cytometer != null) {
            extra.put("$CYT", cytometer);
        }
        extra.put("$FIL", out.getFileName().toString());
        Files.createDirectories(out.toAbsolutePath().getParent());
        FcsWriter.write(out, new EventTable(t.channels(), columns, n * times), extra, ds.spillover());
        System.out.println(out + ": " + (long) n * times + " events x " + columns.length + " channels from " + in);
    }
}
