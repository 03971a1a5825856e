package org.tregflow.gating;

/** A gate or gate tree that cannot be built or evaluated; the message names the gate and what is wrong. */
public class GateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GateException(String message) {
        super(message);
    }

    public GateException(String message, Throwable cause) {
        super(message, cause);
    }
}
