package org.tregflow.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Logging set up in code, found by logback through {@code META-INF/services}: the terminal gets warnings only
 * ({@code LEVEL message}); commands that run batches add a log file in their output folder ({@link #fileLayout()}).
 *
 * <p>Why not {@code logback.xml}: parsing it (Joran, SAX, the pattern language) loaded some 600 classes and took a
 * third of a second, a third of a small run's budget. A user who wants another configuration still gets it with
 * {@code -Dlogback.configurationFile=FILE}: then this steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** Logback's own property for a configuration file. */
    static final String CONFIG_FILE_PROPERTY = "logback.configurationFile";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(CONFIG_FILE_PROPERTY) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LayoutWrappingEncoder<ILoggingEvent> encoder = encoder(context, terminalLayout());
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDERR");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context, LineLayout layout) {
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    /** {@code WARN message}: what a scientist at the terminal needs. */
    static LineLayout terminalLayout() {
        return new LineLayout(false);
    }

    /** {@code 2026-11-22 08:42:01,172 INFO  [main] o.tregflow.pipeline.Pipeline - message}, with stack traces. */
    static LineLayout fileLayout() {
        return new LineLayout(true);
    }

    /** One line per event (plus the stack trace of an exception), formatted without logback's pattern language. */
    static final class LineLayout extends LayoutBase<ILoggingEvent> {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS")
                .withZone(ZoneId.systemDefault());
        private static final int LOGGER_WIDTH = 30;
        private final boolean detailed;

        LineLayout(boolean detailed) {
            this.detailed = detailed;
        }

        @Override
        public String doLayout(ILoggingEvent event) {
            StringBuilder sb = new StringBuilder(128);
            String level = event.getLevel().toString();
            if (detailed) {
                TIME.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), sb);
                sb.append(' ').append(level);
                sb.append(" ".repeat(Math.max(0, 5 - level.length())));
                sb.append(" [").append(event.getThreadName()).append("] ");
                sb.append(abbreviate(event.getLoggerName(), LOGGER_WIDTH)).append(" - ");
            } else {
                sb.append(level).append(' ');
            }
            sb.append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                sb.append(ThrowableProxyUtil.asString(thrown)).append(CoreConstants.LINE_SEPARATOR);
            }
            return sb.toString();
        }

        /**
         * A logger name shortened to about {@code width} characters by cutting package names to their first
         * letter from the left, the class name always whole ({@code o.tregflow.pipeline.Pipeline}).
         */
        static String abbreviate(String name, int width) {
            if (name == null || name.length() < width) {
                return name;
            }
            String[] parts = name.split("\\.");
            int length = name.length();
            for (int i = 0; i < parts.length - 1 && length >= width; i++) {
                if (parts[i].length() > 1) {
                    length -= parts[i].length() - 1;
                    parts[i] = parts[i].substring(0, 1);
                }
            }
            return String.join(".", parts);
        }
    }
}
