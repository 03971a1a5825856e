package org.tregflow.stats;

/**
 * One applied gate of one sample, for the `gates` table: what was computed so it can be audited and plotted.
 *
 * @param population the population the gate defines
 * @param method     how it was obtained: "rectangle", "polygon", "density_valley", "quantile", "tail_cut",
 *                   "gaussian_mixture", "ratio_band", …
 * @param dimensions the gate's axes (markers or channels), comma separated
 * @param parameters the method's inputs, e.g. "k=3.0"
 * @param shape      the resolved geometry in transformed coordinates, e.g. "min=0.412" or polygon vertices
 */
public record GateRecord(String population, String method, String dimensions, String parameters, String shape) {
}
