package dev.handoff.benchmarks;

import dev.handoff.env.routing.GeneratedTopology;
import dev.handoff.env.routing.RoutingWorkflows;
import dev.handoff.env.routing.TopologyImport;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.workflow.Workflow;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The workloads of the scale curve (issue 16.3), by name: synthetic rings of 10 to 10,000 agents, and Q-routing on the
 * 6×6 grid, LATA (116 routers), GtsCe (149 routers, the largest Topology Zoo network shipped) and a generated network
 * of 1,000 routers.
 */
final class ScaleWorkloads {
    static final String[] NAMES = {"ring10", "ring100", "ring1000", "ring10000", "routing-6x6", "routing-lata",
            "routing-gtsce", "routing-generated1000"};

    private ScaleWorkloads() {
    }

    static Workflow workflow(String name) {
        if (name.startsWith("ring")) {
            return SyntheticTemplates.ring(name, Integer.parseInt(name.substring(4)), 0.0, 0.05);
        }
        return switch (name) {
            case "routing-6x6" -> BenchmarkWorkflows.sample("routing-6x6.workflow.json");
            case "routing-lata" -> BenchmarkWorkflows.sample("routing-lata.workflow.json");
            case "routing-gtsce" -> importZoo("GtsCe.graphml");
            case "routing-generated1000" -> RoutingWorkflows.fromTopology(name,
                    GeneratedTopology.nearestNeighbours(1000, 2, 1), 1.0, "1,000 routers, each linked to its 2 nearest");
            default -> throw new IllegalArgumentException("unknown workload " + name);
        };
    }

    /** Handoffs before measuring: rings past their ε decay (2,000,000), routing past its first queues. */
    static long warmHandoffs(String name) {
        return name.startsWith("ring") ? 2_000_000 : 200_000;
    }

    private static Workflow importZoo(String file) {
        try {
            return TopologyImport.importFile(BenchmarkWorkflows.repositoryRoot()
                    .resolve("sample-workflows/data/routing/topology-zoo").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
