package org.tregflow.cli;

import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns an exception escaping a command into one line on standard error and exit code 1; the stack trace goes to
 * the log only, never to the terminal.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        LoggerFactory.getLogger(ErrorHandler.class).debug("command failed", ex);
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cmd.getErr().println("tregflow: " + msg.replace('\n', ' '));
        return 1;
    }
}
