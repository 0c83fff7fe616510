package dev.handoff.env.routing;

import dev.handoff.workflow.Workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns a network file (Topology Zoo GraphML or Boyan–Littman {@code .net}) into a routing workflow: the entry point
 * behind the CLI's import and the app's File menu.
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
        return RoutingWorkflows.fromTopology(name, t, load, description);
    }
}
