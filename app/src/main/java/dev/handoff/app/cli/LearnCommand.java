package dev.handoff.app.cli;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.offline.OfflineLearning;
import dev.handoff.trace.TraceFormatException;
import dev.handoff.trace.TraceSet;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowLoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code handoff learn WORKFLOW --traces a1.jsonl,a2.jsonl,... --out RUN_DIR}: IC-Q trained offline from the agents'
 * own traces alone, written as a run folder ({@code handoff export} reads it). Problems in a trace are printed one per
 * line as {@code file:line: /json/path: message} (exit 2).
 */
@Command(name = "learn", description = "Train IC-Q offline from each agent's own trace (one file per agent) and write a run folder.")
final class LearnCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "WORKFLOW", description = "the *.workflow.json the agents run")
    Path file;

    @Option(names = "--traces", required = true, split = ",", paramLabel = "FILES",
            description = "the agents' trace files, comma-separated, or a folder of *.jsonl")
    List<Path> traces;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR", description = "the run folder to write")
    Path out;

    @Option(names = "--rounds", defaultValue = "10000", paramLabel = "N", description = "at most N rounds (default 10000)")
    int rounds;

    @Option(names = "--tolerance", defaultValue = "1e-9", paramLabel = "X",
            description = "stop once no Q-value moves more than X in a round (default 1e-9)")
    double tolerance;

    @Override
    public Integer call() throws Exception {
        Workflow w;
        try {
            w = WorkflowLoading.loadValid(file);
        } catch (WorkflowLoadException e) {
            return HandoffCli.reportProblems(e);
        }
        EnvironmentKind kind = WorkflowLoading.kindOf(w);
        OfflineLearning.Settings settings;
        List<Path> files = new ArrayList<>();
        try {
            settings = new OfflineLearning.Settings(rounds, tolerance, 1);
            for (Path t : traces) {
                files.addAll(Files.isDirectory(t) ? TraceSet.filesIn(t) : List.of(t));
            }
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    throw new IOException("no trace file " + f);
                }
            }
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("handoff learn: " + e.getMessage());
            return HandoffCli.INVALID_INPUT;
        }
        OfflineLearning.Result result;
        try {
            result = OfflineLearning.learn(w, kind, files, settings, out, System.err::println);
        } catch (TraceFormatException e) {
            e.problems().forEach(System.err::println);
            return HandoffCli.INVALID_INPUT;
        } catch (dev.handoff.train.RunFolderException e) {
            System.err.println("handoff learn: " + e.getMessage()); // --out cannot be written: nothing was learned
            return HandoffCli.INVALID_INPUT;
        }
        for (OfflineLearning.AgentReport a : result.agents()) {
            System.err.println(a.agent() + ": " + (a.file() == null ? "no trace" : a.records() + " handoffs from " + a.file()
                    + (a.pendingDecisions() + a.orphanOutcomes() + a.unjoined() > 0 ? " (" + a.pendingDecisions()
                    + " decisions without outcome, " + a.orphanOutcomes() + " outcomes without decision, " + a.unjoined()
                    + " handed to no traced agent)" : "")));
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("summary", result.summary());
        line.put("rounds", result.rounds());
        line.put("converged", result.converged());
        line.put("records", result.agents().stream().mapToLong(OfflineLearning.AgentReport::records).sum());
        System.out.println(Json.line(line));
        if (!result.summary().status().startsWith("finished")) { // as handoff train: the run folder says why
            System.err.println("handoff learn: " + result.summary().status());
            return 1;
        }
        return 0;
    }
}
