package dev.handoff.env.routing;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.EnvironmentSpec;
import dev.handoff.workflow.FeatureSpec;
import dev.handoff.workflow.FeatureType;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code routing} kind (Boyan &amp; Littman's packet routing as an IC-SMDP): agents are routers, handoff edges are
 * links, the artifact is a packet, a handoff forwards it to a neighbour and delivery ends its episode.
 * Parameters: {@link RoutingParameters}.
 */
public final class RoutingKind implements EnvironmentKind {
    /** A packet's episode ends when it is delivered, inside the simulator: routers have no handoff to STOP. */
    @Override
    public boolean endsEpisodesItself() {
        return true;
    }

    public static final String ID = "routing";
    /** Features the simulator writes into every packet. */
    public static final List<String> PACKET_FEATURES = List.of("destination", "source", "hops", "age");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Problem> validate(Workflow workflow) {
        List<Problem> problems = new ArrayList<>();
        EnvironmentSpec env = workflow.environment();
        if (env == null || !ID.equals(env.kind())) {
            problems.add(new Problem("/environment/kind", "expected \"" + ID + "\""));
            return problems;
        }
        int n = workflow.agents().size();
        if (n < 2) {
            problems.add(new Problem("/agents", "a network needs at least two routers, found " + n));
        }
        RoutingParameters.read(env, problems);

        ArtifactSchema schema = workflow.artifact();
        if (schema == null) {
            problems.add(new Problem("/artifact", "the routing kind needs the packet features " + PACKET_FEATURES));
        } else {
            for (String f : PACKET_FEATURES) {
                int i = schema.indexOf(f);
                if (i < 0) {
                    problems.add(new Problem("/artifact/features", "missing packet feature \"" + f + "\""));
                    continue;
                }
                FeatureSpec spec = schema.features().get(i);
                boolean router = f.equals("destination") || f.equals("source");
                if (router && (spec.type() != FeatureType.INT || spec.lo() != 0 || spec.hi() != n - 1)) {
                    problems.add(new Problem("/artifact/features/" + i,
                            "\"" + f + "\" must be an int feature over 0.." + (n - 1) + " (one value per router)"));
                }
                if (f.equals("hops") && (spec.type() != FeatureType.INT || spec.hi() < 1)) {
                    problems.add(new Problem("/artifact/features/" + i, "\"hops\" must be an int feature with max ≥ 1"));
                }
                if (f.equals("age") && (spec.type() != FeatureType.REAL || !(spec.hi() > spec.lo()))) {
                    problems.add(new Problem("/artifact/features/" + i, "\"age\" must be a real feature with max > min"));
                }
            }
        }

        for (int i = 0; i < n; i++) {
            AgentSpec a = workflow.agents().get(i);
            if (a.options().size() > 1) {
                problems.add(new Problem("/agents/" + i + "/options", "a router has one option, \""
                        + RoutingWorkflows.FORWARD.id() + "\": its choice is the link, found " + a.options().size()
                        + " options"));
            }
        }
        Set<String> ids = new HashSet<>();
        for (AgentSpec a : workflow.agents()) {
            ids.add(a.id());
        }
        Set<String> edges = new HashSet<>();
        for (int h = 0; h < workflow.handoffs().size(); h++) {
            HandoffSpec e = workflow.handoffs().get(h);
            String path = "/handoffs/" + h;
            if (e.isStop()) {
                problems.add(new Problem(path, "routers hand packets only to routers: delivery at the destination "
                        + "ends a packet's trip by itself, remove the handoff to STOP"));
            } else if (!ids.contains(e.from()) || !ids.contains(e.to())) {
                problems.add(new Problem(path, "link " + e.from() + " → " + e.to() + " names an unknown router"));
            } else if (e.from().equals(e.to())) {
                problems.add(new Problem(path, "a router cannot hand a packet to itself (" + e.from() + ")"));
            } else if (!edges.add(e.from() + "\u0000" + e.to())) {
                problems.add(new Problem(path, "duplicate link " + e.from() + " → " + e.to()));
            }
        }
        for (int h = 0; h < workflow.handoffs().size(); h++) {
            HandoffSpec e = workflow.handoffs().get(h);
            if (!e.isStop() && ids.contains(e.from()) && ids.contains(e.to())
                    && !edges.contains(e.to() + "\u0000" + e.from())) {
                problems.add(new Problem("/handoffs/" + h, "link " + e.from() + " → " + e.to()
                        + " has no return handoff " + e.to() + " → " + e.from() + " (links carry packets both ways)"));
            }
        }
        if (n >= 2 && problems.stream().noneMatch(p -> p.path().startsWith("/handoffs"))) {
            int[][] nb = neighbours(workflow);
            boolean[] seen = new boolean[n];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(0);
            seen[0] = true;
            while (!queue.isEmpty()) {
                for (int v : nb[queue.poll()]) {
                    if (!seen[v]) {
                        seen[v] = true;
                        queue.add(v);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (!seen[i]) {
                    problems.add(new Problem("/agents/" + i, "router " + workflow.agents().get(i).id()
                            + " cannot be reached from " + workflow.agents().get(0).id()
                            + ": every router must be able to reach every destination"));
                }
            }
        }
        return problems;
    }

    /** Each router's neighbours in its action order: the targets of its handoffs, in document order. */
    public static int[][] neighbours(Workflow workflow) {
        int n = workflow.agents().size();
        int[][] nb = new int[n][];
        for (int i = 0; i < n; i++) {
            List<String> succ = workflow.successors(workflow.agents().get(i).id());
            nb[i] = new int[succ.size()];
            for (int a = 0; a < succ.size(); a++) {
                nb[i][a] = workflow.agentIndex(succ.get(a));
            }
        }
        return nb;
    }

    @Override
    public HandoffEnvironment create(Workflow workflow) {
        List<Problem> problems = validate(workflow);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("not a valid routing workflow: " + problems);
        }
        return new RoutingEnvironment(workflow);
    }
}
