package org.tregflow.fcs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fuzz test's assertion (only FcsException may escape) over every file of ../shared/data and deterministic
 * mutations of each: truncations at many offsets, and byte changes in HEADER and TEXT (digits, delimiters, random
 * bytes). Complements the Jazzer session with real-world structure that random bytes rarely reach.
 */
class FcsMutationReplayTest {

    @Test
    void sharedFilesAndTheirMutationsFailOnlyCleanly() throws IOException {
        long inputs = 0;
        int files = 0;
        for (Path p : SharedData.allFiles()) {
            byte[] original = Files.readAllBytes(p);
            files++;
            inputs += replay(original);
            if (original.length < 6 || !new String(original, 0, 3, StandardCharsets.ISO_8859_1).equals("FCS")) {
                continue;
            }
            inputs += truncations(original);
            inputs += headerAndTextChanges(original, p.toString().hashCode());
        }
        System.out.println("[mutation] files " + files + ", inputs replayed " + inputs);
        assertTrue(files > 50, "shared data incomplete: " + files + " files");
    }

    private static int replay(byte[] data) {
        FcsReaderFuzzTest.readExpectingOnlyFcsException(data, ReadOptions.DEFAULT);
        FcsReaderFuzzTest.readExpectingOnlyFcsException(data, new ReadOptions(Stringency.STRICT, false));
        return 1;
    }

    private static int truncations(byte[] b) {
        int n = 0;
        int len = b.length;
        for (int cut = 0; cut < Math.min(len, 400); cut += 13) {
            n += replay(Arrays.copyOf(b, cut));
        }
        for (int k = 1; k < 16; k++) {
            n += replay(Arrays.copyOf(b, (int) ((long) len * k / 16)));
        }
        n += replay(Arrays.copyOf(b, len - 1));
        return n;
    }

    private static int headerAndTextChanges(byte[] b, int seed) {
        int n = 0;
        // Files over 512 KB decode for milliseconds whenever a change leaves them readable: fewer changes there.
        int spread = b.length > (512 << 10) ? 4 : 1;
        // HEADER: every byte set to a digit and (small files) to a blank in turn.
        for (int i = 0; i < Math.min(58, b.length); i++) {
            n += mutateAndReplay(b, i, (byte) '9');
            if (spread == 1) {
                n += mutateAndReplay(b, i, (byte) ' ');
            }
        }
        // TEXT (from byte 58 on, where it almost always starts): the delimiter, digits and random bytes, spread over
        // its first 4 KB. Large files decode fully whenever a change leaves them readable, so the count is bounded.
        int end = Math.min(b.length, 58 + 4096);
        byte delimiter = b.length > 58 ? b[58] : (byte) '/';
        for (int i = 58; i < end; i += 41 * spread) {
            n += mutateAndReplay(b, i, delimiter);
        }
        for (int i = 59; i < end; i += 53 * spread) {
            n += mutateAndReplay(b, i, (byte) '9');
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = 0; k < 40 / spread && end > 58; k++) {
            n += mutateAndReplay(b, 58 + rnd.nextInt(end - 58), (byte) rnd.nextInt(256));
        }
        return n;
    }

    /** Changes one byte in place, replays, and restores it, to avoid copying large files for each mutation. */
    private static int mutateAndReplay(byte[] b, int i, byte v) {
        byte old = b[i];
        if (old == v) {
            return 0;
        }
        b[i] = v;
        try {
            FcsReaderFuzzTest.readExpectingOnlyFcsException(b, ReadOptions.DEFAULT);
            return 1;
        } finally {
            b[i] = old;
        }
    }
}
