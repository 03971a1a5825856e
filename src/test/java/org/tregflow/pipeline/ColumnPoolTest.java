package org.tregflow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColumnPoolTest {
    @Test
    void aReleasedArrayServesTheNextFileOfUpToItsSize() {
        ColumnPool pool = new ColumnPool();
        float[] a = pool.column(1000);
        float[] b = pool.column(1000);
        assertNotSame(a, b, "arrays lent to the same file are distinct");
        assertTrue(a.length >= 1000);
        pool.release();
        float[] c = pool.column(900);
        float[] d = pool.column(a.length);
        assertTrue(c == a || c == b);
        assertTrue(d == a || d == b);
        assertNotSame(c, d);
        // None left: a third array is a new one, longer when the file is.
        float[] e = pool.column(5000);
        assertTrue(e.length >= 5000);
        assertEquals(3, pool.held());
    }

    @Test
    void theSmallestArrayThatFitsIsLent() {
        ColumnPool pool = new ColumnPool();
        float[] small = pool.column(100);
        float[] large = pool.column(10_000);
        pool.release();
        assertSame(small, pool.column(50));
        assertSame(large, pool.column(50));
    }

    @Test
    void afterAFileOnlyAsManyArraysAsItUsedAreKeptTheLargestOnes() {
        ColumnPool pool = new ColumnPool();
        for (int i = 0; i < 5; i++) {
            pool.column(100 * (i + 1));
        }
        pool.release();
        pool.column(10);
        pool.column(10);
        pool.release();
        assertEquals(2, pool.held(), "the file used two: three dropped");
        assertTrue(pool.column(10).length >= 400 && pool.column(10).length >= 400, "the two largest were kept");
    }
}
