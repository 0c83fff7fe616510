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
 *   <li>Cells: a design's {@link dev.handoff.sweep.SweepAlgorithm algorithms} (usually one per compared policy) at
 *       every (value, seed) are its {@link dev.handoff.sweep.SweepCell cells}, each measured on its own and
 *       deterministically from its seed; {@link dev.handoff.sweep.SweepGrid} enumerates them in a fixed order and
 *       assembles their {@link dev.handoff.sweep.SweepCellResult results} into a {@link dev.handoff.sweep.SweepResult}:
 *       per-value mean ± Student-t 95% CI and {@link dev.handoff.sweep.LogLogSlope log–log slopes} per
 *       {@link dev.handoff.sweep.SweepSeries}.</li>
 *   <li>{@link dev.handoff.sweep.SweepEngine} — the engine SPI, found with {@code ServiceLoader}
 *       ({@link dev.handoff.sweep.SweepEngines}): {@link dev.handoff.sweep.LocalSweepEngine} runs cells on threads here;
 *       the {@code sweep-spark} module adds {@code spark}. An engine gets a {@link dev.handoff.sweep.SweepRequest}
 *       whose {@link dev.handoff.sweep.SweepSpec} (workflow JSON, axis, settings) rebuilds the design anywhere.</li>
 *   <li>{@link dev.handoff.sweep.SweepCellStore} — restartable sweeps: each finished cell is a file
 *       ({@link dev.handoff.sweep.SweepCellJson}, exact numbers) in the {@link dev.handoff.sweep.SweepFolder}, so a
 *       sweep started again measures only what is missing; {@link dev.handoff.sweep.SweepProgress} prints cells
 *       done / total and an ETA.</li>
 *   <li>{@link dev.handoff.sweep.SweepCsv} — {@code sweep.csv}, one row per value, seed and policy. The plot is drawn
 *       in the app module (JFreeChart); this package stays pure Java.</li>
 * </ul>
 */
package dev.handoff.sweep;
