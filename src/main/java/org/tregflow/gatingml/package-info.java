/**
 * Gating-ML 2.0 import and export.
 *
 * <p>{@link org.tregflow.gatingml.GatingMlReader} reads gates, transformations (flin, flog, fasinh, logicle,
 * hyperlog, fratio, with boundMin/boundMax) and spectrum matrices into a {@link org.tregflow.gatingml.GatingMlDocument};
 * the XML parser refuses DTDs and external entities. {@link org.tregflow.gatingml.GatingMlEventSource} computes each
 * dimension's values from scale values as the standard says (per-dimension compensation: the file's spillover,
 * none, or a spectrum matrix, square or not; then fratio; then the transform). {@link org.tregflow.gatingml.GatingMlWriter}
 * writes a tree back; re-reading gives identical membership. The ISAC compliance suite (sets 1-5) passes event by
 * event.
 */
package org.tregflow.gatingml;
