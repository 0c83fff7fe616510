package dev.handoff.env.routing;

import dev.handoff.workflow.EnvironmentSpec;
import dev.handoff.workflow.ParameterReader;
import dev.handoff.workflow.ParameterReader.Range;
import dev.handoff.workflow.Problem;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The routing kind's parameters ({@code environment.parameters}), typed, with their defaults.
 *
 * @param load               packets injected per time unit (> 0, default 1)
 * @param maxPacketsInFlight injections beyond this many packets in the network are dropped (≥ 1, default 1000)
 * @param queueLimit         a packet forwarded to a router holding this many is dropped (≥ 1, default 1000)
 * @param dropPenalty        the cost of a dropped packet: its terminal scalar is −dropPenalty (≥ 0, default 100)
 */
public record RoutingParameters(double load, int maxPacketsInFlight, int queueLimit, double dropPenalty) {
    public static final String LOAD = "load";
    public static final String MAX_IN_FLIGHT = "maxPacketsInFlight";
    public static final String QUEUE_LIMIT = "queueLimit";
    public static final String DROP_PENALTY = "dropPenalty";

    public static final RoutingParameters DEFAULTS = new RoutingParameters(1.0, 1000, 1000, 100);

    /**
     * Reads the parameters once, typed: each missing one takes its default; each one of the wrong type, out of range or
     * unknown is added to {@code problems} at its JSON path, and its default is used in its place.
     */
    public static RoutingParameters read(EnvironmentSpec env, List<Problem> problems) {
        ParameterReader p = ParameterReader.of(env, problems);
        RoutingParameters d = DEFAULTS;
        RoutingParameters read = new RoutingParameters(
                p.number(LOAD, d.load, Range.above(0)),
                p.wholeInt(MAX_IN_FLIGHT, d.maxPacketsInFlight, Range.atLeast(1)),
                p.wholeInt(QUEUE_LIMIT, d.queueLimit, Range.atLeast(1)),
                p.number(DROP_PENALTY, d.dropPenalty, Range.atLeast(0)));
        p.refuseUnknown(RoutingKind.ID + " parameter");
        return read;
    }

    /** The parameters of a valid workflow's environment section; throws listing the problems of an invalid one. */
    public static RoutingParameters from(EnvironmentSpec env) {
        return ParameterReader.readValid(RoutingKind.ID, problems -> read(env, problems));
    }

    /** These parameters as a workflow's {@code environment.parameters}. */
    public Map<String, Object> toParameters() {
        Map<String, Object> m = new TreeMap<>();
        m.put(LOAD, load);
        m.put(MAX_IN_FLIGHT, maxPacketsInFlight);
        m.put(QUEUE_LIMIT, queueLimit);
        m.put(DROP_PENALTY, dropPenalty);
        return m;
    }

    public RoutingParameters withLoad(double l) {
        return new RoutingParameters(l, maxPacketsInFlight, queueLimit, dropPenalty);
    }
}
