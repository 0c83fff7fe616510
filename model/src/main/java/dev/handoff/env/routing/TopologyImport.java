package dev.handoff.env.routing;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.input.InputException;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Turns a network file (Topology Zoo GraphML or Boyan–Littman {@code .net}) into a routing workflow: the entry point
 * behind the CLI's import and the app's File menu. A file that does not make a valid routing workflow (one router,
 * routers no link reaches) is refused with an {@link InputException} naming the file.
 */
public final class TopologyImport {
    /** Load given to imported networks until the user changes it. */
    public static final double DEFAULT_LOAD = 1.0;

    private TopologyImport() {
    }

    public static Workflow importFile(Path file) throws IOException {
        return importFile(file, DEFAULT_LOAD);
    }

    public static Workflow importFile(Path file, double load) throws IOException {
        Topology t = Topology.read(file);
        String base = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        String name = "routing-" + base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String description = "Imported from " + file.getFileName() + " (" + t.name() + "): " + t.nodeCount()
                + " routers, " + t.linkCount() + " links (largest connected component, parallel links and self loops "
                + "removed).";
        Workflow w = RoutingWorkflows.fromTopology(name, t, load, description);
        List<Problem> problems = WorkflowLoading.problemsOf(w);
        if (!problems.isEmpty()) { // e.g. a single router, or routers no link reaches
            throw InputException.of(file.toString(), "the network does not make a routing workflow: "
                    + problems.get(0).message() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
        return w;
    }
}
