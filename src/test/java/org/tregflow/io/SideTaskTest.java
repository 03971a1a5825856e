package org.tregflow.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class SideTaskTest {
    @Test
    void joinGivesTheResultAndRethrowsWhatTheWorkThrewAsItself() throws Exception {
        assertEquals(42, SideTask.start("t", () -> 42).join());
        IOException io = new IOException("unreadable");
        assertSame(io, assertThrows(IOException.class, () -> SideTask.start("t", () -> {
            throw io;
        }).join()));
        IllegalStateException bug = new IllegalStateException("bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> SideTask.start("t", () -> {
            throw bug;
        }).join()));
        Exception checked = new Exception("other");
        assertSame(checked, assertThrows(IOException.class, () -> SideTask.start("t", () -> {
            throw checked;
        }).join()).getCause());
    }

    @Test
    void joiningTwiceGivesTheSameResultWithoutRunningTheWorkAgain() throws Exception {
        int[] runs = new int[1];
        SideTask<Integer> task = SideTask.start("t", () -> ++runs[0]);
        assertEquals(1, task.join());
        assertEquals(1, task.join());
        assertEquals(1, runs[0]);
    }
}
