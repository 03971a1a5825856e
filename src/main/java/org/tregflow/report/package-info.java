/**
 * Plots and the HTML report: what a scientist looks at to sign a run off.
 *
 * <p><b>Gating sheets</b> ({@link org.tregflow.report.GatingSheet}): per sample, every gate drawn on its parent's
 * events, from the same gate objects and populations the statistics came from. The pipeline calls, per file:
 * <pre>{@code
 * List<GatingStep> steps = ...; // per applied gate, in tree order:
 *     new GatingStep(name, parentName, gate, List.of(), parentPopulation, population, referencedGates, method)
 * GatingSheet.write(sampleId, patient + " · " + visit, eventSource, steps, outDir.resolve(CohortReport.SHEETS));
 * }</pre>
 * which writes {@code sheets/<stem>.svg} (vector axes, gates and labels; dots as one embedded PNG per plot) and
 * {@code sheets/<stem>.png}; {@code stem = GatingSheet.fileStem(sampleId)}. Dimensions carry their transform, so
 * axes are labelled in data units on the gate's scale.
 *
 * <p><b>Cohort report</b> ({@link org.tregflow.report.CohortReport}): after the tables are written,
 * {@code CohortReport.write(outDir)} reads samples/populations/visits/endpoint/cohort CSV and manifest.json there
 * and writes one offline {@code report.html} linking each processed sample's sheet.
 */
package org.tregflow.report;
