package org.tregflow.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Text files people write for a run (the sample sheet, the pipeline, a compensation matrix), read as UTF-8 (ASCII
 * is UTF-8). A file in another encoding is refused with the line and the byte that is not UTF-8, rather than
 * guessed at: read in the wrong encoding, a patient's or a marker's name with an accent would come out wrong without
 * a word (Java's own message for it is "Input length = 1").
 */
public final class Utf8Text {
    /** A file that is not UTF-8 text; the message names the file, the line and the byte, and what to do. */
    public static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private Utf8Text() {
    }

    /**
     * The file's text.
     *
     * @param advice what the person should do, ending the message of a file that is not UTF-8
     * @throws Malformed when it is not UTF-8 text
     */
    public static String read(Path file, String advice) throws IOException {
        return decode(file.toString(), Files.readAllBytes(file), advice);
    }

    static String decode(String source, byte[] bytes, String advice) throws Malformed {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never decodes to more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new Malformed(String.format(Locale.ROOT, "%s:%d: not UTF-8 text (byte 0x%02X); %s", source, line,
                    bytes[at] & 0xff, advice));
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
