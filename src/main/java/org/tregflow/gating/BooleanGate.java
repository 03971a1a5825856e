package org.tregflow.gating;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Gating-ML 2.0 boolean gate (§5.3.5): and/or over two or more referenced gates, or not of one. A reference
 * with {@code use-as-complement} stands for every event of the table not in the referenced population. The result
 * is then restricted to this gate's own parent, if it has one.
 */
public record BooleanGate(String id, String parentId, Operator operator, List<Reference> references)
        implements Gate {

    public enum Operator { AND, OR, NOT }

    public record Reference(String gateId, boolean complement) {
        public Reference {
            Objects.requireNonNull(gateId, "referenced gate id");
        }

        public static Reference to(String gateId) {
            return new Reference(gateId, false);
        }

        public static Reference complementOf(String gateId) {
            return new Reference(gateId, true);
        }
    }

    public BooleanGate {
        Objects.requireNonNull(id, "gate id");
        Objects.requireNonNull(operator, "operator");
        references = List.copyOf(references);
        if (operator == Operator.NOT && references.size() != 1) {
            throw new IllegalArgumentException("boolean gate " + id + ": 'not' takes exactly one gate reference, got "
                    + references.size());
        }
        if (operator != Operator.NOT && references.isEmpty()) {
            throw new IllegalArgumentException("boolean gate " + id + ": '" + operator.name().toLowerCase()
                    + "' needs gate references");
        }
    }

    public static BooleanGate and(String id, String parentId, String... gateIds) {
        return new BooleanGate(id, parentId, Operator.AND, List.of(gateIds).stream().map(Reference::to).toList());
    }

    public static BooleanGate or(String id, String parentId, String... gateIds) {
        return new BooleanGate(id, parentId, Operator.OR, List.of(gateIds).stream().map(Reference::to).toList());
    }

    public static BooleanGate not(String id, String parentId, String gateId) {
        return new BooleanGate(id, parentId, Operator.NOT, List.of(Reference.to(gateId)));
    }

    @Override
    public BooleanGate withParent(String newParent) {
        return new BooleanGate(id, newParent, operator, references);
    }

    /**
     * Combines the referenced populations (looked up by id, all over the same table) and restricts the result to
     * {@code parent}.
     */
    public Population apply(Function<String, Population> lookup, Population parent) {
        Population acc = null;
        for (Reference r : references) {
            Population p = lookup.apply(r.gateId());
            if (p == null) {
                throw new GateException("boolean gate " + id + " refers to " + r.gateId() + ", which is not evaluated");
            }
            if (r.complement()) {
                p = p.complement();
            }
            acc = acc == null ? p : operator == Operator.OR ? acc.or(p) : acc.and(p);
        }
        if (operator == Operator.NOT) {
            acc = acc.complement();
        }
        return acc.and(parent);
    }
}
