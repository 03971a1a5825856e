package org.tregflow.fcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event read again from its file holds, bit for bit, the scale values its columns got, in every whole-byte
 * layout of the real files (integers of each width and both byte orders, log-amplified channels, floats, doubles,
 * mixed widths, Time scaled by $TIMESTEP); bit-packed and ASCII data sets say they cannot.
 */
class EventRowsTest {
    @Test
    void eventsReadAgainEqualTheirColumnsInEveryRealFile() throws IOException {
        Set<String> layouts = new HashSet<>();
        int files = 0;
        for (SharedData.Readable r : SharedData.readableFcs()) {
            Path p = r.path();
            for (FcsDataset ds : r.file().datasets()) {
                EventTable t = ds.events();
                if (ds.rows() == null) {
                    continue;
                }
                files++;
                try (EventRows rows = ds.rows()) {
                    assertEquals(t.eventCount(), rows.eventCount());
                    SplittableRandom rng = new SplittableRandom(p.hashCode());
                    for (int k = 0; k < Math.min(60, t.eventCount()); k++) {
                        int e = k < 2 ? (k == 0 ? 0 : t.eventCount() - 1) : rng.nextInt(t.eventCount());
                        for (int c = 0; c < t.channelCount(); c++) {
                            assertEquals(Float.floatToRawIntBits(t.column(c)[e]), Float.floatToRawIntBits(rows.value(c, e)),
                                    SharedData.relative(p) + " event " + e + " channel " + t.channel(c).name());
                            layouts.add(t.channel(c).dataType() + "" + t.channel(c).bits());
                        }
                    }
                }
            }
        }
        assertTrue(files >= 30, "real files compared: " + files);
        assertTrue(layouts.containsAll(List.of("I16", "I32", "F32")), "layouts compared: " + layouts);
    }

    @Test
    void aWrittenFileIsReadAgainAfterTheReadClosedIt(@TempDir Path tmp) throws IOException {
        List<Channel> channels = List.of(Channel.ofFloat(1, "FSC-A", null, 262144), Channel.ofFloat(2, "PE-A", "CD25", 262144));
        float[][] cols = {{1f, 2f, 3f}, {-4.5f, 5e6f, Float.NaN}};
        Path f = tmp.resolve("w.fcs");
        FcsWriter.write(f, new EventTable(channels, cols, 3), null, null);
        FcsDataset ds = FcsReader.read(f).first();
        try (EventRows rows = ds.rows()) {
            assertNotNull(rows);
            assertEquals(5e6f, rows.value(1, 1));
            assertEquals(3f, rows.value(0, 2));
            assertTrue(Float.isNaN(rows.value(1, 2)));
            assertThrows(IndexOutOfBoundsException.class, () -> rows.value(0, 3));
            rows.close();
            assertEquals(2f, rows.value(0, 1), "after close an event still reads, opening the file for itself");
        }
        FcsDataset fromBytes = FcsReader.read(Files.readAllBytes(f), f, ReadOptions.DEFAULT).first();
        assertEquals(-4.5f, fromBytes.rows().value(1, 0));
    }

    /** A file rewritten after it was read (an export still copying in) is not read again as if it were the same. */
    @Test
    void aFileChangedSinceItWasReadIsRefused(@TempDir Path tmp) throws IOException {
        List<Channel> channels = List.of(Channel.ofFloat(1, "FSC-A", null, 262144));
        Path f = tmp.resolve("c.fcs");
        FcsWriter.write(f, new EventTable(channels, new float[][] {{1f, 2f}}, 2), null, null);
        FcsDataset ds = FcsReader.read(f).first();
        FcsWriter.write(f, new EventTable(channels, new float[][] {{7f, 8f}}, 2), null, null);
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(f).toMillis() + 60_000));
        try (EventRows rows = ds.rows()) {
            java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, () -> rows.value(0, 1));
            assertTrue(e.getMessage().contains("changed while it was being analysed"), e.getMessage());
        }
    }

    @Test
    void bitPackedAndAsciiLayoutsCannotBeReadAgain() {
        assertTrue(EventRows.supports(new DataLayout(new char[] {'I', 'I'}, new int[] {16, 32}, new int[] {1, 2, 3, 4},
                false, false)));
        assertFalse(EventRows.supports(new DataLayout(new char[] {'I'}, new int[] {10}, new int[] {1, 2}, true, false)));
        assertFalse(EventRows.supports(new DataLayout(new char[] {'A'}, new int[] {8}, new int[] {1, 2, 3, 4}, false,
                true)));
    }
}
