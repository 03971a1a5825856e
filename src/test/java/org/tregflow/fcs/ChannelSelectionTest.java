package org.tregflow.fcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Decoding only some channels (ReadOptions.channels) gives those channels exactly the values of a full read, in
 * every layout the real files of the shared data use (integers of each width, floats, doubles, packed bits, ASCII),
 * and the channels left out say so when asked for.
 */
class ChannelSelectionTest {
    @Test
    void chosenChannelsHoldTheValuesOfAFullReadInEveryRealFile() throws IOException {
        int compared = 0;
        for (SharedData.Readable r : SharedData.readableFcs()) {
            Path p = r.path();
            FcsFile full = r.file();
            // Every other channel, starting with the second: the first and the last channel each left out somewhere.
            for (int offset = 0; offset < 2; offset++) {
                int skip = offset;
                FcsFile part = FcsReader.read(p, ReadOptions.DEFAULT.withChannels((channels, spill) -> {
                    boolean[] out = new boolean[channels.size()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = i % 2 != skip;
                    }
                    return out;
                }));
                assertEquals(full.datasets().size(), part.datasets().size(), p.toString());
                for (int d = 0; d < full.datasets().size(); d++) {
                    EventTable a = full.datasets().get(d).events();
                    EventTable b = part.datasets().get(d).events();
                    assertEquals(a.eventCount(), b.eventCount());
                    for (int c = 0; c < a.channelCount(); c++) {
                        if (c % 2 == skip) {
                            int index = c;
                            assertFalse(b.decoded(c));
                            IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.column(index));
                            assertTrue(e.getMessage().contains(b.channel(c).name()), e.getMessage());
                        } else {
                            assertTrue(b.decoded(c));
                            assertArrayEquals(Arrays.copyOf(a.column(c), a.eventCount()),
                                    Arrays.copyOf(b.column(c), b.eventCount()), p + " channel " + c);
                        }
                    }
                }
                compared++;
            }
        }
        assertTrue(compared > 20, "real files compared: " + compared);
    }
}
