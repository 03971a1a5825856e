package org.tregflow.fcs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the parameter keywords ($PAR, $PnN, $PnS, $PnB, $PnR, $PnE, $PnG, $DATATYPE, $PnDATATYPE, $BYTEORD) into
 * {@link Channel}s and the {@link DataLayout} of one event, before any DATA byte is touched.
 */
final class ChannelReader extends KeywordContext {
    private final String version;

    ChannelReader(KeywordContext context, String version) {
        super(context);
        this.version = version;
    }


    List<Channel> channels() throws FcsException {
        String parRaw = keywords.value("$PAR");
        if (parRaw == null) {
            throw err("$PAR", -1, "keyword missing; expected the number of parameters per event");
        }
        long par = parseLong("$PAR", parRaw);
        // Each parameter needs at least its own $PnB keyword, so $PAR cannot exceed the keyword count.
        if (par < 1 || par > keywords.size()) {
            throw err("$PAR", -1, "is " + par + "; expected 1 to " + keywords.size()
                    + " (one or more parameters, each described by keywords)");
        }
        String dataType = keywords.value("$DATATYPE");
        List<Channel> out = new ArrayList<>((int) par);
        Set<String> names = new HashSet<>();
        List<String> renamed = new ArrayList<>();
        List<String> f2Repaired = new ArrayList<>();
        for (int n = 1; n <= par; n++) {
            String p = "$P" + n;
            String name = keywords.value(p + "N");
            if (name == null) {
                if (!version.equals("FCS2.0")) {
                    strictOrWarn(p + "N", -1, "missing; named the parameter P" + n);
                }
                name = "P" + n;
            }
            String unique = name;
            for (int k = 2; names.contains(unique.toUpperCase(Locale.ROOT)); k++) {
                unique = name + "_" + k;
            }
            if (!unique.equals(name)) {
                renamed.add(name + " -> " + unique);
            }
            names.add(unique.toUpperCase(Locale.ROOT));
            String marker = keywords.value(p + "S");
            char type = type(p, dataType);
            int bits = bits(p, type);
            double range = range(p, bits, type);
            double[] e = amplification(p, type, range, f2Repaired);
            double gain = gain(p, e[0]);
            out.add(new Channel(n, unique, marker, range, bits, e[0], e[1], gain, type));
        }
        if (!renamed.isEmpty()) {
            if (options.strict()) {
                throw err("$PnN", -1, "parameter names are not unique: " + renamed);
            }
            warnings.add("duplicate $PnN made unique: " + String.join(", ", renamed));
        }
        if (!f2Repaired.isEmpty()) {
            warnings.add("$PnE with f2 = 0 read as f2 = 1 (log amplification needs a positive offset) for "
                    + String.join(", ", f2Repaired));
        }
        return out;
    }

    private char type(String p, String dataType) throws FcsException {
        String t = keywords.value(p + "DATATYPE");
        String where = p + "DATATYPE";
        if (t == null) {
            t = dataType;
            where = "$DATATYPE";
        }
        if (t == null) {
            throw err("$DATATYPE", -1, "keyword missing; expected I, F, D or A");
        }
        t = t.toUpperCase(Locale.ROOT);
        if (t.length() != 1 || "IFDA".indexOf(t.charAt(0)) < 0) {
            throw err(where, -1, "is '" + printable(t) + "'; expected I (integer), F (float), D (double) or A (ASCII)");
        }
        return t.charAt(0);
    }

    private int bits(String p, char type) throws FcsException {
        String b = keywords.value(p + "B");
        if (b == null) {
            if (type == 'F' || type == 'D') {
                strictOrWarn(p + "B", -1, "missing; assumed " + (type == 'F' ? 32 : 64) + " for $DATATYPE " + type);
                return type == 'F' ? 32 : 64;
            }
            throw err(p + "B", -1, "missing; expected the bits per value");
        }
        if (b.equals("*")) {
            if (type != 'A') {
                throw err(p + "B", -1, "is '*' (delimited ASCII) but the data type is " + type);
            }
            return 0;
        }
        long v = parseLong(p + "B", b);
        if (type == 'A') {
            if (v < 1 || v > 64) {
                throw err(p + "B", -1, "is " + v + "; expected 1 to 64 characters per ASCII value");
            }
            return (int) v;
        }
        if (v < 1 || v > 64) {
            throw err(p + "B", -1, "is " + v + "; expected 1 to 64 bits");
        }
        if (type == 'F' && v != 32 || type == 'D' && v != 64) {
            throw err(p + "B", -1, "is " + v + " but $DATATYPE " + type + " values are " + (type == 'F' ? 32 : 64)
                    + " bits");
        }
        return (int) v;
    }

    private double range(String p, int bits, char type) throws FcsException {
        String r = keywords.value(p + "R");
        if (r == null) {
            double assumed = type == 'I' && bits < 63 ? Math.pow(2, bits) : 0;
            strictOrWarn(p + "R", -1, "missing; assumed " + (long) assumed);
            return assumed;
        }
        double v = parseDouble(p + "R", r);
        if (!(v >= 0) || Double.isInfinite(v)) {
            strictOrWarn(p + "R", -1, "is " + r + "; expected a positive range; ignored");
            return 0;
        }
        return v;
    }

    /** $PnE as {f1 (decades), f2 (offset)}; f2 = 0 with f1 > 0 is the classic broken value, repaired to 1. */
    private double[] amplification(String p, char type, double range, List<String> repaired) throws FcsException {
        String e = keywords.value(p + "E");
        if (e == null) {
            return new double[] {0, 0};
        }
        String[] parts = e.split(",");
        if (parts.length != 2) {
            strictOrWarn(p + "E", -1, "is '" + printable(e) + "'; expected 'f1,f2'; read as linear (0,0)");
            return new double[] {0, 0};
        }
        double f1 = parseDouble(p + "E", parts[0]);
        double f2 = parseDouble(p + "E", parts[1]);
        if (!(f1 >= 0) || !(f2 >= 0) || Double.isInfinite(f1) || Double.isInfinite(f2) || f1 > 100) {
            throw err(p + "E", -1, "is '" + printable(e) + "'; expected decades and offset >= 0");
        }
        if (f1 > 0 && type != 'I' && type != 'A') {
            strictOrWarn(p + "E", -1, "log amplification " + e + " on " + (type == 'F' ? "float" : "double")
                    + " data is not allowed; values read as linear");
            return new double[] {0, 0};
        }
        if (f1 > 0 && !(range > 0)) {
            throw err(p + "E", -1, "log amplification needs $P" + p.substring(2) + "R > 0");
        }
        if (f1 > 0 && f2 == 0) {
            if (options.strict()) {
                throw err(p + "E", -1, "is '" + e + "': log amplification with f2 = 0 is invalid");
            }
            repaired.add(p + "E");
            f2 = 1;
        }
        return new double[] {f1, f2};
    }

    private double gain(String p, double logDecades) throws FcsException {
        String g = keywords.value(p + "G");
        if (g == null) {
            return 1;
        }
        double v = parseDouble(p + "G", g);
        if (!(v > 0) || Double.isInfinite(v)) {
            strictOrWarn(p + "G", -1, "is '" + printable(g) + "'; expected a positive gain; used 1");
            return 1;
        }
        return v;
    }

    // ---- layout -----------------------------------------------------------------------------------------------

    DataLayout layout(List<Channel> channels) throws FcsException {
        int par = channels.size();
        char[] types = new char[par];
        int[] bits = new int[par];
        boolean ascii = false;
        boolean delimited = false;
        boolean odd = false;
        for (int i = 0; i < par; i++) {
            Channel c = channels.get(i);
            types[i] = c.dataType();
            bits[i] = c.bits();
            if (c.dataType() == 'A') {
                ascii = true;
                delimited |= c.bits() == 0;
                bits[i] = c.bits() * 8;
            } else if (c.bits() % 8 != 0) {
                odd = true;
            }
        }
        if (ascii) {
            for (int i = 0; i < par; i++) {
                if (types[i] != 'A') {
                    throw err("$DATATYPE", -1, "ASCII data cannot be mixed with binary parameters");
                }
                if (delimited && bits[i] != 0) {
                    throw err("$P" + (i + 1) + "B", -1, "mixes fixed-width and delimited ('*') ASCII values");
                }
            }
        }
        int[] order = ascii ? new int[] {0} : byteOrder();
        return new DataLayout(types, bits, order, odd, delimited);
    }

    private int[] byteOrder() throws FcsException {
        String raw = keywords.value("$BYTEORD");
        if (raw == null) {
            strictOrWarn("$BYTEORD", -1, "missing; assumed little-endian 1,2,3,4");
            return new int[] {0, 1, 2, 3};
        }
        String[] parts = raw.split(",");
        if (parts.length > 8) {
            throw err("$BYTEORD", -1, "is '" + printable(raw) + "'; expected at most 8 byte numbers");
        }
        int[] order = new int[parts.length];
        boolean[] used = new boolean[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String s = parts[i].trim();
            int v = s.length() == 1 && Character.isDigit(s.charAt(0)) ? s.charAt(0) - '0' : -1;
            if (v < 1 || v > parts.length || used[v - 1]) {
                throw err("$BYTEORD", -1, "is '" + printable(raw) + "'; expected a permutation of 1.." + parts.length
                        + " such as 1,2,3,4 or 4,3,2,1");
            }
            used[v - 1] = true;
            order[i] = v - 1;
        }
        return order;
    }
}
