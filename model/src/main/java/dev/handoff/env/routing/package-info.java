/**
 * The {@code routing} environment kind: Boyan &amp; Littman's packet routing as an IC-SMDP (ICQ.md §2, Q-routing is
 * tabular IC-Q with γ = 1 and the destination as interface).
 *
 * <ul>
 *   <li>{@link dev.handoff.env.routing.Topology} — routers and links, read from {@code .net} or Topology Zoo GraphML;
 *       {@link dev.handoff.env.routing.ShortestPaths} — hop distances and shortest next hops.</li>
 *   <li>{@link dev.handoff.env.routing.PacketNetwork} — the discrete-event simulator of {@code netsim1.c};
 *       {@link dev.handoff.env.routing.RoutingMetrics} — delivery time, delivered/dropped, routing accuracy.</li>
 *   <li>{@link dev.handoff.env.routing.RoutingKind} / {@link dev.handoff.env.routing.RoutingEnvironment} — the kind
 *       and its {@link dev.handoff.env.HandoffEnvironment}.</li>
 *   <li>{@link dev.handoff.env.routing.ShortestPathRouting}, {@link dev.handoff.env.routing.OracleRouting},
 *       {@link dev.handoff.env.routing.RoutingRun} — baselines run in the same simulator.</li>
 *   <li>{@link dev.handoff.env.routing.RoutingWorkflows}, {@link dev.handoff.env.routing.TopologyImport} — sample
 *       workflows and import of any network file.</li>
 * </ul>
 */
package dev.handoff.env.routing;
