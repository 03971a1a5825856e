package org.tregflow.gatingml;

/** A Gating-ML file that cannot be read or written; the message names the file, line and element/attribute. */
public class GatingMlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GatingMlException(String message) {
        super(message);
    }

    public GatingMlException(String message, Throwable cause) {
        super(message, cause);
    }
}
