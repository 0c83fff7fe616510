package dev.handoff.app.cli;

import dev.handoff.checkpoint.CheckpointException;
import dev.handoff.policy.BundleException;
import dev.handoff.policy.PolicyBundle;
import dev.handoff.train.RunFolder;
import dev.handoff.workflow.WorkflowLoadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code handoff export RUN_DIR --out DIR}: the trained policies of one seed as a policy bundle. */
@Command(name = "export", description = "Export the trained policies of a run folder as a policy bundle (one file per agent).")
final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run folder written by 'handoff train --out'")
    Path runDir;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the bundle folder to write")
    Path out;

    @Option(names = "--format", defaultValue = "json", paramLabel = "FMT", description = "json (default) or csv (JSON plus a CSV per agent)")
    String format;

    @Option(names = "--seed", paramLabel = "S", description = "which seed of the run (default: its first)")
    Long seed;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("json") && !format.equals("csv")) {
            System.err.println("--format: json or csv, not " + format);
            return HandoffCli.INVALID_INPUT;
        }
        try {
            RunFolder run = RunFolder.open(runDir);
            long s = seed != null ? seed : run.seeds().get(0);
            PolicyBundle.export(run, s, out, format.equals("csv"));
            System.err.println("wrote policy bundle " + out + " (" + run.workflow().agents().size() + " agents, seed " + s + ")");
            System.out.println(Json.line(Map.of("bundle", out.toString(), "seed", s, "algorithm", run.algorithm().cliName())));
            return 0;
        } catch (BundleException | CheckpointException | WorkflowLoadException e) {
            return HandoffCli.reportRefusal(e);
        }
    }
}
