/**
 * The synthetic trial cohort behind {@code tregflow simulate} and {@code sample-data/}.
 *
 * <p>{@link org.tregflow.simulate.CohortSimulator} turns a {@link org.tregflow.simulate.CohortConfig} into FCS 3.1
 * files (through {@link org.tregflow.fcs.FcsWriter}), a sample sheet and the truth. Each patient
 * ({@link org.tregflow.simulate.PatientProfile}) has an arm, a designed response and a baseline immune composition;
 * each visit ({@link org.tregflow.simulate.Visit}) carries a fraction of the drug's full effect. A file's events get
 * a latent {@link org.tregflow.simulate.EventCategory}; counts per category are exact (largest remainder), so the
 * truth ({@link org.tregflow.simulate.FileTruth}, {@link org.tregflow.simulate.EndpointTruth}) is computed from the
 * very labels the events were drawn from, with the denominators DOMAIN.md's gating tree uses.
 *
 * <p>Determinism: every random stream derives from (seed, patient, visit) through SplitMix64 mixing into
 * XO_RO_SHI_RO_128_PP; transcendental functions use {@link java.lang.StrictMath} so that bytes do not depend on the
 * JVM (checked on JDK 17 and 25); nothing reads the clock or iterates a hash map.
 */
package org.tregflow.simulate;
