package org.tregflow.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tregflow.fcs.Channel;

/**
 * Which channel of one file carries each marker of the pipeline.
 *
 * @param channels       marker (as the pipeline spells it) to the file's channel
 * @param missingOptional optional markers the file does not have (their optional gates are skipped)
 */
public record PanelResolution(Map<String, Channel> channels, Set<String> missingOptional) {
    public PanelResolution {
        channels = Map.copyOf(channels);
        missingOptional = Set.copyOf(missingOptional);
    }

    /** The channel of a marker (case-insensitive), or null when the marker is absent. */
    public Channel channel(String marker) {
        for (Map.Entry<String, Channel> e : channels.entrySet()) {
            if (e.getKey().equalsIgnoreCase(marker)) {
                return e.getValue();
            }
        }
        return null;
    }

    public boolean has(String marker) {
        return channel(marker) != null;
    }

    /** "CD3=BV510-A, CD4=PerCP-Cy5-5-A, …" for logs and the manifest. */
    public String describe(List<String> order) {
        StringBuilder sb = new StringBuilder();
        for (String m : order) {
            Channel c = channel(m);
            if (c != null) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(m).append('=').append(c.name());
            }
        }
        return sb.toString();
    }
}
