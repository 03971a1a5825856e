package org.tregflow.gatingml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tregflow.fcs.FcsDataset;
import org.tregflow.fcs.FcsReader;
import org.tregflow.gating.Dimension;
import org.tregflow.gating.Parameter;
import org.tregflow.transform.Arcsinh;
import org.tregflow.transform.Linear;
import org.tregflow.transform.Logicle;

/** One event's exact value is the column's entry, bit for bit: the pipeline's boundary re-judging relies on it. */
class GatingMlEventSourceTest {
    @Test
    void oneEventsValueIsTheColumnsEntry() throws Exception {
        FcsDataset ds = FcsReader.read(Path.of("sample-data", "P03_C4.fcs")).first();
        List<String> detectors = ds.spillover().channels();
        String a = detectors.get(0);
        String b = detectors.get(3);
        List<Dimension> dims = List.of(
                new Dimension(new Parameter.Named(a), Dimension.FCS, new Logicle(262144, 0.7, 4.5, 0)),
                new Dimension(new Parameter.Named(b), Dimension.FCS, null),
                new Dimension(new Parameter.Named(b), Dimension.UNCOMPENSATED, new Linear(262144, 0)),
                new Dimension(new Parameter.Ratio("r", a, b, 1, 0, 100), Dimension.FCS, new Arcsinh(262144, 4, 0)));
        GatingMlEventSource source = new GatingMlEventSource(ds.events(), ds.spillover(), Map.of());
        for (Dimension d : dims) {
            double[] column = source.doubleValues(d);
            for (int i = 0; i < column.length; i++) {
                assertEquals(Double.doubleToRawLongBits(column[i]), Double.doubleToRawLongBits(source.value(d, i)),
                        d + " event " + i);
            }
        }
        // Compensation did change the values (the check above is not comparing raw columns only).
        assertNotEquals(source.value(dims.get(1), 5), source.value(
                new Dimension(new Parameter.Named(b), Dimension.UNCOMPENSATED, null), 5));
    }
}
