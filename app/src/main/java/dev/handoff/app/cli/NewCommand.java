package dev.handoff.app.cli;

import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code handoff new synthetic --out FILE}: writes a new workflow from a template. */
@Command(name = "new", description = "Write a new workflow from a template (kinds: synthetic).")
final class NewCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KIND", description = "template kind: synthetic")
    String kind;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the workflow")
    Path out;

    @Option(names = "--name", description = "workflow name")
    String name;

    @Option(names = "--agents", defaultValue = "10", description = "number of agents (synthetic ring)")
    int agents;

    @Option(names = "--lambda", defaultValue = "0", description = "interface-gap knob λ (synthetic)")
    double lambda;

    @Option(names = "--eta", defaultValue = "0.05", description = "mixing knob η (synthetic)")
    double eta;

    @Override
    public Integer call() throws Exception {
        if (!"synthetic".equals(kind)) {
            System.err.println("handoff new: unknown template \"" + kind + "\" (known: synthetic)");
            return HandoffCli.INVALID_INPUT;
        }
        Workflow w = SyntheticTemplates.ring(name == null ? "Synthetic ring of " + agents : name, agents, lambda, eta);
        WorkflowJson.write(w, out);
        System.err.println("wrote " + out);
        return 0;
    }
}
