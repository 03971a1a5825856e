package org.tregflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tregflow.stats.SampleInfo;
import org.tregflow.stats.SampleResult;

class ProgressReporterTest {
    static SampleResult ok(String id, long events) {
        return new SampleResult(id, id, "00", SampleResult.OK, null, events, "3.1", null, SampleInfo.UNKNOWN,
                List.of(), List.of(), List.of());
    }

    static SampleResult failed(String id) {
        return new SampleResult(id, id, null, SampleResult.FAILED, "HEADER at byte 0: not an FCS file", 0, null, null,
                SampleInfo.UNKNOWN, List.of(), List.of(), List.of());
    }

    @Test
    void plainLinesGiveRateAndTimeLeft() {
        StringWriter sw = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ProgressReporter p = new ProgressReporter(new PrintWriter(sw), ProgressReporter.Mode.LINES, clock::get);
        p.started(5);
        p.fileDone(ok("a.fcs", 999_999), true, 1); // reused: costs nothing, adds no events
        clock.set(2_000_000_000L);
        p.fileDone(ok("b.fcs", 1_000_000), false, 2000);
        clock.set(4_000_000_000L);
        p.fileDone(failed("c.fcs"), false, 5);
        List<String> lines = sw.toString().lines().toList();
        assertEquals(3, lines.size(), sw.toString());
        assertEquals("[1/5] a.fcs ok (999,999 events, reused); -, time left unknown, 1 reused", lines.get(0));
        // 1,000,000 events in 2 s; 1 file analysed in 2 s, 3 left -> 6 s.
        assertEquals("[2/5] b.fcs ok (1,000,000 events, 2000 ms); 500.0k events/s, about 6 s left, 1 reused",
                lines.get(1));
        // 2 analysed in 4 s, 2 left -> 4 s; the failure's message is on its line.
        assertEquals("[3/5] c.fcs failed: HEADER at byte 0: not an FCS file; 250.0k events/s, about 4 s left, "
                + "1 reused", lines.get(2));
    }

    @Test
    void theBarRedrawsInPlaceAndKeepsFailuresOnScreen() {
        StringWriter sw = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ProgressReporter p = new ProgressReporter(new PrintWriter(sw), ProgressReporter.Mode.BAR, clock::get);
        p.started(2);
        clock.set(1_000_000_000L);
        p.fileDone(failed("bad.fcs"), false, 3);
        p.fileDone(ok("good.fcs", 3_000_000), false, 900);
        p.finished();
        String s = sw.toString();
        assertTrue(s.startsWith("\r[........................] 0/2 files"), s);
        assertTrue(s.contains("failed: bad.fcs: HEADER at byte 0: not an FCS file\n"), s);
        assertTrue(s.contains("\r[########################] 2/2 files, 3.0M events/s, done"), s);
        assertTrue(s.endsWith("\n"), "the terminal's next line starts clean");
        assertEquals(1, s.chars().filter(ch -> ch == '\n').count() - 1, "only the failure and the end take lines");
    }

    @Test
    void quietShowsNothing() {
        StringWriter sw = new StringWriter();
        ProgressReporter p = new ProgressReporter(new PrintWriter(sw), ProgressReporter.Mode.QUIET, () -> 0);
        p.started(1);
        p.notice("panel check: ...");
        p.fileDone(failed("x.fcs"), false, 1);
        p.finished();
        assertEquals("", sw.toString());
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("59 s", ProgressReporter.duration(59.4));
        assertEquals("3 min 10 s", ProgressReporter.duration(190));
        assertEquals("2 h 5 min", ProgressReporter.duration(7500));
    }
}
