package org.tregflow.fcs;

import java.util.List;
import org.tregflow.compensation.SpilloverMatrix;

/**
 * Which channels of a data set to decode, chosen once its TEXT is read: a pipeline that gates 12 of a file's 16 or
 * 40 parameters decodes those (and the compensation matrix's), not the -H, -W and Time columns it never reads.
 */
@FunctionalInterface
public interface ChannelSelection {
    /**
     * @param channels  the data set's channels, in parameter order
     * @param spillover the data set's own spillover matrix, or null
     * @return per channel, whether to decode its values; the others are described but hold none
     */
    boolean[] decode(List<Channel> channels, SpilloverMatrix spillover);
}
