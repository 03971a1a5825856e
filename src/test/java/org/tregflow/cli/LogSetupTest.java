package org.tregflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LogSetupTest {
    @Test
    void terminalGetsWarningsOnlyOnStandardError() {
        LoggerContext ctx = new LoggerContext();
        assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, new LogSetup().configure(ctx));
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.WARN, root.getLevel());
        Appender<?> a = root.getAppender("STDERR");
        assertTrue(a instanceof ConsoleAppender<?> c && "System.err".equals(c.getTarget()), String.valueOf(a));
        assertTrue(a.isStarted());
    }

    @Test
    void terminalLineIsLevelAndMessage() {
        LoggingEvent e = event("org.tregflow.pipeline.Pipeline", Level.WARN, "cannot write {}", null, "report.html");
        assertEquals("WARN cannot write report.html" + System.lineSeparator(), LogSetup.terminalLayout().doLayout(e));
    }

    @Test
    void fileLineHasTimeLevelThreadLoggerAndTheTrace() {
        LoggingEvent e = event("org.tregflow.pipeline.Pipeline", Level.INFO, "{}: bad file",
                new IllegalArgumentException("no HEADER"), "P09_V0.fcs");
        e.setThreadName("tregflow-run");
        long millis = LocalDateTime.of(2026, 11, 22, 8, 42, 1, 172_000_000).atZone(ZoneId.systemDefault())
                .toInstant().toEpochMilli();
        e.setTimeStamp(millis);
        String text = LogSetup.fileLayout().doLayout(e);
        String first = text.lines().findFirst().orElseThrow();
        assertEquals("2026-11-22 08:42:01,172 INFO  [tregflow-run] o.tregflow.pipeline.Pipeline - P09_V0.fcs: bad file",
                first);
        assertTrue(text.contains("java.lang.IllegalArgumentException: no HEADER"), text);
        assertTrue(text.contains("\tat org.tregflow.cli.LogSetupTest."), text);
    }

    @Test
    void loggerNamesShortenPackagesFromTheLeft() {
        assertEquals("org.tregflow.cli.Main", LogSetup.LineLayout.abbreviate("org.tregflow.cli.Main", 30));
        assertEquals("o.tregflow.pipeline.Pipeline", LogSetup.LineLayout.abbreviate("org.tregflow.pipeline.Pipeline", 30));
        assertEquals("o.t.p.SampleAnalyzerWithAVeryLongName",
                LogSetup.LineLayout.abbreviate("org.tregflow.pipeline.SampleAnalyzerWithAVeryLongName", 30));
        assertEquals("x", LogSetup.LineLayout.abbreviate("x", 30));
    }

    private static LoggingEvent event(String logger, Level level, String message, Throwable t, Object arg) {
        LoggerContext ctx = new LoggerContext();
        return new LoggingEvent(Logger.class.getName(), ctx.getLogger(logger), level, message, t, new Object[] {arg});
    }
}
