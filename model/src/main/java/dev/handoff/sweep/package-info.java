/**
 * Sweeps: one axis of a workflow varied over values × seeds with everything else fixed, as the paper's scaling
 * claims need (each error term along its own axis, routing delivery time against load).
 *
 * <ul>
 *   <li>{@link dev.handoff.sweep.SweepAxis} — a knob: which workflows it applies to, how a value is written into one,
 *       and the {@link dev.handoff.sweep.SweepDesign} (policies, {@link dev.handoff.sweep.SweepMetric metrics},
 *       {@link dev.handoff.sweep.SweepMeasurement measurement}) that measures it. Implemented:
 *       {@link dev.handoff.sweep.RoutingLoadAxis} ({@code load}) and {@link dev.handoff.sweep.HandoffsAxis}
 *       ({@code handoffs}, any kind). A new axis is a class implementing {@code SweepAxis} plus one
 *       {@code register} line in {@link dev.handoff.sweep.SweepAxes#standard()}.</li>
 *   <li>{@link dev.handoff.sweep.SweepEngine} — runs the (value, seed) grid in parallel, deterministically per seed,
 *       into a {@link dev.handoff.sweep.SweepResult}: per-value mean ± Student-t 95% CI and
 *       {@link dev.handoff.sweep.LogLogSlope log–log slopes} per {@link dev.handoff.sweep.SweepSeries}.</li>
 *   <li>{@link dev.handoff.sweep.SweepCsv} — {@code sweep.csv}, one row per value, seed and policy. The plot is drawn
 *       in the app module (JFreeChart); this package stays pure Java.</li>
 * </ul>
 */
package dev.handoff.sweep;
