package org.tregflow.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PopulationStatsTest {
    @Test
    void mediansKeepThePipelinesOrderAndCannotBeChanged() {
        Map<String, Double> medians = new LinkedHashMap<>();
        List<String> order = List.of("CD25", "FOXP3", "CD127", "CD56", "CD16", "CD3", "CD4", "CD8");
        for (int i = 0; i < order.size(); i++) {
            medians.put(order.get(i), (double) i);
        }
        PopulationStats p = new PopulationStats("Treg", "/Treg", null, 10, 100, 1000, medians);
        assertEquals(order, List.copyOf(p.medians().keySet()));
        medians.put("CD45", 1.0);
        assertEquals(order.size(), p.medians().size(), "a copy, not a view of the caller's map");
        assertThrows(UnsupportedOperationException.class, () -> p.medians().put("CD45", 1.0));
    }
}
