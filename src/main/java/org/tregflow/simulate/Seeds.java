package org.tregflow.simulate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Derives independent random streams from (cohort seed, patient, stream). Each file gets its own stream, so files
 * can be generated in any order, in parallel, or alone, and still come out byte-identical.
 */
final class Seeds {
    /** Stream id of a patient's own parameters (visits use their schedule index, 0..). */
    static final long PATIENT_STREAM = 0x5041_5449_454E_54L;

    private Seeds() {
    }

    static UniformRandomProvider stream(long seed, int patientIndex, long stream) {
        long z = mix(seed ^ 0x9E37_79B9_7F4A_7C15L);
        z = mix(z + 0xBF58_476D_1CE4_E5B9L * (patientIndex + 1L));
        z = mix(z + 0x94D0_49BB_1331_11EBL * (stream + 1L));
        long[] state = {mix(z + 1), mix(z + 2)};
        if ((state[0] | state[1]) == 0) {
            state[1] = 1; // xoroshiro must not start from an all-zero state
        }
        return RandomSource.XO_RO_SHI_RO_128_PP.create(state);
    }

    /** SplitMix64's finaliser (Steele, Lea, Flood 2014): spreads nearby inputs over the whole 64-bit range. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
