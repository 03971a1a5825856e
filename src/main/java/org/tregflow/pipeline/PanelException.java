package org.tregflow.pipeline;

/** A file's channels do not provide the pipeline's markers (missing or ambiguous), said in one actionable message. */
public final class PanelException extends Exception {
    public PanelException(String message) {
        super(message);
    }
}
