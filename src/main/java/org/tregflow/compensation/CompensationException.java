package org.tregflow.compensation;

/**
 * A compensation problem a lab scientist can act on: a matrix file that cannot be read, or a matrix whose
 * channels do not fit the data. An {@link IllegalArgumentException}, so callers that treat bad input generically
 * still catch it.
 */
public final class CompensationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public CompensationException(String message) {
        super(message);
    }

    public CompensationException(String message, Throwable cause) {
        super(message, cause);
    }
}
