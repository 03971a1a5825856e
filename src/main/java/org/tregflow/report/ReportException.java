package org.tregflow.report;

/** The report cannot be written from the output folder as it is (a table unreadable, a folder missing). */
public final class ReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
