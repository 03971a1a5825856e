package org.tregflow.gating;

import java.util.Arrays;

/**
 * A set of events of one table, as a bit set over event indices ({@code long[]} words). Counting is a sum of
 * {@link Long#bitCount}; children are computed inside their parent's words only.
 */
public final class Population {
    private final long[] words;
    private final int size;

    private Population(long[] words, int size) {
        this.words = words;
        this.size = size;
    }

    /** No event of a table of {@code size} events. */
    public static Population none(int size) {
        return new Population(new long[wordCount(size)], size);
    }

    /** Every event of a table of {@code size} events. */
    public static Population all(int size) {
        long[] w = new long[wordCount(size)];
        Arrays.fill(w, -1L);
        Population p = new Population(w, size);
        p.clearTail();
        return p;
    }

    /** Wraps words the caller built (bits past {@code size} are cleared). */
    public static Population ofWords(long[] words, int size) {
        if (words.length != wordCount(size)) {
            throw new IllegalArgumentException(words.length + " words for " + size + " events");
        }
        Population p = new Population(words, size);
        p.clearTail();
        return p;
    }

    public static int wordCount(int size) {
        return (size + 63) >>> 6;
    }

    private void clearTail() {
        int rem = size & 63;
        if (rem != 0) {
            words[words.length - 1] &= (1L << rem) - 1;
        }
    }

    /** The number of events in the table this population is over (not the count in it). */
    public int size() {
        return size;
    }

    /** The live words; callers that write to them own this population. */
    public long[] words() {
        return words;
    }

    public boolean contains(int event) {
        return (words[event >>> 6] & (1L << event)) != 0;
    }

    public void add(int event) {
        words[event >>> 6] |= 1L << event;
    }

    public long count() {
        return count(words);
    }

    /** The number of set bits in {@code words}. */
    public static long count(long[] words) {
        long c = 0;
        for (long w : words) {
            c += Long.bitCount(w);
        }
        return c;
    }

    public Population and(Population other) {
        check(other);
        long[] w = new long[words.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = words[i] & other.words[i];
        }
        return new Population(w, size);
    }

    public Population or(Population other) {
        check(other);
        long[] w = new long[words.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = words[i] | other.words[i];
        }
        return new Population(w, size);
    }

    /** Events in this population and not in {@code other}. */
    public Population andNot(Population other) {
        check(other);
        long[] w = new long[words.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = words[i] & ~other.words[i];
        }
        return new Population(w, size);
    }

    /** Every event of the table not in this population. */
    public Population complement() {
        return all(size).andNot(this);
    }

    /** Event indices in ascending order. */
    public int[] indices() {
        int[] out = new int[(int) count()];
        int k = 0;
        for (int i = 0; i < words.length; i++) {
            long w = words[i];
            while (w != 0) {
                out[k++] = (i << 6) + Long.numberOfTrailingZeros(w);
                w &= w - 1;
            }
        }
        return out;
    }

    private void check(Population other) {
        if (other.size != size) {
            throw new IllegalArgumentException("populations over tables of " + size + " and " + other.size + " events");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Population p && p.size == size && Arrays.equals(p.words, words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words) * 31 + size;
    }
}
