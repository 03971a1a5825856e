package org.tregflow.stats;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * The Clopper-Pearson ("exact") confidence interval of a binomial proportion, from beta quantiles:
 * lower = B(alpha/2; x, n-x+1), upper = B(1-alpha/2; x+1, n-x), with 0 and 1 at the ends (x = 0, x = n).
 * Chosen because trial reports of small arms quote it; it never under-covers.
 */
public final class ClopperPearson {
    private ClopperPearson() {
    }

    /** A two-sided interval. */
    public record Interval(double lower, double upper) {
    }

    /**
     * @param successes x, 0 &lt;= x &lt;= n
     * @param trials    n &gt; 0
     * @param level     confidence level, e.g. 0.95
     */
    public static Interval interval(int successes, int trials, double level) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("Clopper-Pearson needs 0 <= successes <= trials and trials > 0, got "
                    + successes + "/" + trials);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        double alpha = 1 - level;
        double lower = successes == 0 ? 0
                : BetaDistribution.of(successes, trials - successes + 1.0).inverseCumulativeProbability(alpha / 2);
        double upper = successes == trials ? 1
                : BetaDistribution.of(successes + 1.0, trials - successes).inverseCumulativeProbability(1 - alpha / 2);
        return new Interval(lower, upper);
    }
}
