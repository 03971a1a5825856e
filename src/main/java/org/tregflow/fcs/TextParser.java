package org.tregflow.fcs;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a TEXT (or supplemental TEXT) segment into keyword/value pairs. The first byte is the delimiter; a
 * doubled delimiter inside a keyword or value stands for one literal delimiter (FCS 3.1 §3.2.9). Each token is
 * decoded as UTF-8 (FCS 3.1) and falls back to ISO-8859-1 where it is not valid UTF-8, which is what FCS 2.0/3.0
 * instruments wrote in practice (e.g. "CELLQuest\u00aa" in data1.fcs).
 */
final class TextParser {
    private TextParser() {
    }

    /**
     * Parses {@code text} (the whole segment, delimiter first) into {@code into}.
     *
     * @param segment    "TEXT" or "supplemental TEXT", for messages
     * @param fileOffset the absolute offset of the segment's first byte, for messages
     */
    static void parse(ByteBuffer text, Path file, String segment, long fileOffset, Keywords into,
                      List<String> warnings, boolean strict) throws FcsException {
        int n = text.remaining();
        if (n < 2) {
            throw new FcsException(file, segment, fileOffset, "segment is " + n
                    + " byte(s) long; expected a delimiter followed by keyword/value pairs");
        }
        int base = text.position();
        byte delimiter = text.get(base);
        List<String> tokens = new ArrayList<>();
        List<Integer> tokenStarts = new ArrayList<>();
        byte[] token = new byte[256];
        int len = 0;
        int tokenStart = 1;
        int i = 1;
        boolean endedOnDelimiter = false;
        while (i < n) {
            byte b = text.get(base + i);
            if (b == delimiter) {
                if (i + 2 == n && text.get(base + i + 1) == delimiter) {
                    // A doubled delimiter closing the segment is a last keyword with an empty value (FCS 2.0
                    // writers such as CellQuest), not an escaped delimiter: nothing can follow it.
                    tokens.add(decode(token, len));
                    tokenStarts.add(tokenStart);
                    tokens.add("");
                    tokenStarts.add(i + 1);
                    len = 0;
                    endedOnDelimiter = true;
                    break;
                }
                if (i + 1 < n && text.get(base + i + 1) == delimiter) {
                    token = append(token, len, delimiter);
                    len++;
                    i += 2;
                    continue;
                }
                tokens.add(decode(token, len));
                tokenStarts.add(tokenStart);
                len = 0;
                i++;
                tokenStart = i;
                endedOnDelimiter = true;
                continue;
            }
            endedOnDelimiter = false;
            token = append(token, len, b);
            len++;
            i++;
        }
        if (!endedOnDelimiter && len > 0) {
            String last = decode(token, len);
            // Writers pad the segment with blanks or NULs after the final delimiter; only text is a real token.
            if (!last.isBlank() && !last.chars().allMatch(c -> c == 0)) {
                if (strict) {
                    throw new FcsException(file, segment, fileOffset + tokenStart,
                            "segment does not end with its delimiter '" + (char) delimiter + "'");
                }
                warnings.add(segment + " does not end with its delimiter; read the last value up to the segment end");
                tokens.add(last);
                tokenStarts.add(tokenStart);
            }
        }
        if (tokens.size() % 2 != 0) {
            String dangling = tokens.remove(tokens.size() - 1);
            if (strict) {
                throw new FcsException(file, segment, fileOffset + tokenStarts.get(tokens.size()),
                        "keyword '" + abbreviate(dangling) + "' has no value");
            }
            if (!dangling.isBlank()) {
                warnings.add(segment + ": keyword '" + abbreviate(dangling) + "' has no value; ignored");
            }
        }
        for (int k = 0; k + 1 < tokens.size(); k += 2) {
            String key = tokens.get(k).trim();
            String value = tokens.get(k + 1);
            if (key.isEmpty()) {
                if (strict) {
                    throw new FcsException(file, segment, fileOffset + tokenStarts.get(k),
                            "empty keyword (a doubled delimiter where a keyword was expected)");
                }
                warnings.add(segment + ": empty keyword at byte " + (fileOffset + tokenStarts.get(k)) + "; ignored");
                continue;
            }
            if (!into.put(key, value)) {
                String kept = into.get(key).orElse("");
                if (!kept.equals(value)) {
                    if (strict) {
                        throw new FcsException(file, key, fileOffset + tokenStarts.get(k),
                                "keyword appears twice with different values");
                    }
                    warnings.add("keyword " + key + " appears twice; kept the first value '" + abbreviate(kept)
                            + "', ignored '" + abbreviate(value) + "'");
                }
            }
        }
    }

    private static byte[] append(byte[] buf, int len, byte b) {
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[len] = b;
        return buf;
    }

    private static String decode(byte[] bytes, int len) {
        boolean ascii = true;
        for (int i = 0; i < len; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, 0, len, StandardCharsets.US_ASCII);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = utf8.decode(ByteBuffer.wrap(bytes, 0, len));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
