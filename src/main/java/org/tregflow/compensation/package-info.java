/**
 * Spillover matrices and compensation. Convention (as FCS $SPILLOVER, FlowJo and FlowKit): row i of the
 * {@link org.tregflow.compensation.SpilloverMatrix} is dye i's signal seen by each detector, the observed detector
 * row vector is x = c S, so compensated c = x S^-1. {@link org.tregflow.compensation.Compensator} computes only
 * the wanted columns, with the inverse cached per matrix value; {@link org.tregflow.compensation.CompensationMatrices}
 * reads matrix files (FlowJo/FlowKit CSV, tab separated flowCore exports, R write.table).
 */
package org.tregflow.compensation;
