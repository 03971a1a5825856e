package org.tregflow.pipeline;

import java.util.List;

/**
 * A pipeline definition that cannot be used: every problem found, each naming where it is (file, line and
 * column for YAML errors; the gate for semantic ones), in words the person editing the file can act on.
 */
public final class PipelineException extends Exception {
    private final List<String> problems;

    public PipelineException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public PipelineException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
