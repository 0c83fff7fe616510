package dev.handoff.app.cli;

import dev.handoff.env.routing.TopologyImport;
import dev.handoff.workflow.Workflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code handoff import NETWORK --out FILE}: a Topology Zoo GraphML or Boyan–Littman .net file as a routing workflow. */
@Command(name = "import", description = "Import a network (Topology Zoo .graphml or .net) as a routing workflow.")
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NETWORK", description = "a .graphml or .net file")
    Path network;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the workflow")
    Path out;

    @Option(names = "--load", defaultValue = "1.0", description = "packet injection rate (packets per time unit)")
    double load;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(network)) {
            System.err.println("handoff import: no such file " + network);
            return HandoffCli.INVALID_INPUT;
        }
        if (!(load > 0)) {
            System.err.println("--load: must be positive");
            return HandoffCli.INVALID_INPUT;
        }
        Workflow w;
        try {
            w = TopologyImport.importFile(network, load);
        } catch (IllegalArgumentException e) {
            System.err.println("handoff import: " + network + ": " + e.getMessage());
            return HandoffCli.INVALID_INPUT;
        }
        return HandoffCli.writeIfValid(w, out);
    }
}
