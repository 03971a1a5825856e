/**
 * Scale transforms with the Gating-ML 2.0 definitions (§6): {@link org.tregflow.transform.Linear} (flin),
 * {@link org.tregflow.transform.Log} (flog), {@link org.tregflow.transform.Arcsinh} (fasinh),
 * {@link org.tregflow.transform.Logicle} (exact, Moore-Parks 2012, full double precision),
 * {@link org.tregflow.transform.Hyperlog}, and {@link org.tregflow.transform.Bounded} for boundMin/boundMax.
 *
 * <p>For bulk work use {@link org.tregflow.transform.FastLogicle}: same parameters, within 1e-6 of the exact form
 * on the 0-1 scale, about 250 million values per second per core. {@link org.tregflow.transform.FlowJoBiex}
 * reproduces FlowJo's biex table for gates drawn in FlowJo. {@code Logicle.estimateW} picks W from the data
 * (Parks 2006).
 */
package org.tregflow.transform;
