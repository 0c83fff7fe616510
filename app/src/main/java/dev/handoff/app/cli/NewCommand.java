package dev.handoff.app.cli;

import dev.handoff.env.cpu.CpuProgrammingKind;
import dev.handoff.env.llm.LlmMathSamples;
import dev.handoff.env.routing.RoutingWorkflows;
import dev.handoff.env.synthetic.SyntheticParameters;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.workflow.Workflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code handoff new TEMPLATE --out FILE}: writes a new workflow from a template, only if it is valid (the knobs are
 * checked as the kind reads them: {@code --lambda NaN} or {@code -1} is a problem, exit 2, nothing written).
 */
@Command(name = "new", description = "Write a new workflow from a template: synthetic, routing-6x6, routing-lata, routing-abilene, llm-math-mixtral-gpt4, llm-math-gpt3-ladder, cpu-hackers-delight.")
final class NewCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TEMPLATE", description = "synthetic | routing-6x6 | routing-lata | routing-abilene | llm-math-mixtral-gpt4 | llm-math-gpt3-ladder | cpu-hackers-delight")
    String template;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the workflow")
    Path out;

    @Option(names = "--name", description = "workflow name")
    String name;

    @Option(names = "--agents", paramLabel = "N", description = "number of agents (synthetic ring; default 10, at least 4)")
    Integer agents;

    @Option(names = "--lambda", paramLabel = "λ", description = "interface-gap knob λ (synthetic; default 0)")
    Double lambda;

    @Option(names = "--eta", paramLabel = "η", description = "mixing knob η (synthetic; default 0.05)")
    Double eta;

    @Option(names = "--data", paramLabel = "DIR",
            description = "routing data folder (default: sample-workflows/data/routing of this checkout)")
    Path data;

    @Override
    public Integer call() throws Exception {
        int n = agents != null ? agents : SyntheticTemplates.DEFAULT_AGENTS;
        if (template.equals("synthetic") && n < SyntheticTemplates.MIN_AGENTS) {
            System.err.println("--agents: the synthetic ring hands each even agent to the next three, so it needs at least "
                    + SyntheticTemplates.MIN_AGENTS + " agents, is " + n);
            return HandoffCli.INVALID_INPUT;
        }
        SyntheticParameters d = SyntheticParameters.DEFAULTS;
        Workflow w = switch (template) {
            case "synthetic" -> SyntheticTemplates.ring(name == null ? "Synthetic ring of " + n : name, n,
                    lambda != null ? lambda : d.lambda(), eta != null ? eta : d.eta());
            case "routing-6x6" -> RoutingWorkflows.sixBySix(routingData());
            case "routing-lata" -> RoutingWorkflows.lata(routingData());
            case "routing-abilene" -> RoutingWorkflows.abilene(routingData());
            case "llm-math-mixtral-gpt4" -> LlmMathSamples.sampleMixtralGpt4();
            case "llm-math-gpt3-ladder" -> LlmMathSamples.sampleGpt3Ladder();
            case "cpu-hackers-delight" -> CpuProgrammingKind.sampleWorkflow();
            default -> null;
        };
        if (w == null) {
            System.err.println("handoff new: unknown template \"" + template
                    + "\" (known: synthetic, routing-6x6, routing-lata, routing-abilene, llm-math-mixtral-gpt4, llm-math-gpt3-ladder, cpu-hackers-delight)");
            return HandoffCli.INVALID_INPUT;
        }
        if (name != null) {
            w = w.withName(name);
        }
        return HandoffCli.writeIfValid(w, out);
    }

    private Path routingData() {
        if (data != null) {
            return data;
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("sample-workflows/data/routing"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalArgumentException("cannot find sample-workflows/data/routing: pass --data DIR");
        }
        return p.resolve("sample-workflows/data/routing");
    }
}
