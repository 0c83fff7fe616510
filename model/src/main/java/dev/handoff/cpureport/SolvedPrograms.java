package dev.handoff.cpureport;

import dev.handoff.cpu.Assembler;
import dev.handoff.env.cpu.CpuPolicyEvaluation;
import dev.handoff.env.cpu.CpuProgrammingKind;
import dev.handoff.train.SeedRun;
import dev.handoff.workflow.Workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The programs a policy submits, as assembly text a user can open: each with a header comment naming the task, its
 * reference formula (the specification), the vectors it passes and what it cost. The text assembles back to the
 * program ({@code #} starts a comment).
 */
public final class SolvedPrograms {
    private SolvedPrograms() {
    }

    /** Whether a text written by {@link #text} is of a solved task (its header line says "- solved"). */
    public static boolean isSolvedText(String programText) {
        return programText != null
            && programText.lines().anyMatch(l -> l.startsWith("# vectors passed: ") && l.endsWith(" - solved"));
    }

    /** The submitted program of one task's episode as commented assembly. */
    public static String text(CpuPolicyEvaluation.TaskOutcome o, String policy) {
        StringBuilder sb = new StringBuilder();
        sb.append("# task: ").append(o.taskId()).append(" - ").append(o.description().replace('\n', ' ')).append('\n');
        sb.append("# reference: ").append(o.reference().replace('\n', ' ')).append('\n');
        sb.append("# vectors passed: ").append(o.vectorsPassed()).append('/').append(o.vectors())
            .append(" (public and held out)").append(o.solved() ? " - solved" : " - NOT solved").append('\n');
        sb.append(String.format(Locale.ROOT, "# cost: %.6f over %d handoffs; episode return %.6f%n", o.cost(),
            o.handoffs(), o.episodeReturn()));
        sb.append("# policy: ").append(policy).append('\n');
        sb.append("# pipeline: ").append(o.trace()).append('\n');
        if (o.submitted() == null) {
            sb.append("# no program was submitted\n");
        } else {
            sb.append("# arguments in a0..a2, result in a0\n");
            sb.append(Assembler.disassemble(o.submitted()));
            if (sb.charAt(sb.length() - 1) != '\n') {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** The program text the greedy policy of a trained seed submits for {@code taskId} (for the policy table). */
    public static String greedyProgram(Workflow workflow, CpuProgrammingKind kind, SeedRun trainer, String taskId) {
        String policy = policyName(trainer);
        CpuPolicyEvaluation.Result r = CpuExperiment.evaluate(workflow, kind, policy, CpuExperiment.greedy(trainer));
        return text(r.task(taskId), policy);
    }

    /**
     * The program text the greedy policy of a trained seed submits for every task, in task order (one greedy
     * evaluation; for the dashboard's "Show programs" list).
     */
    public static java.util.Map<String, String> greedyPrograms(Workflow workflow, CpuProgrammingKind kind, SeedRun trainer) {
        return greedyPrograms(workflow, kind, policyName(trainer), CpuExperiment.greedy(trainer));
    }

    private static String policyName(SeedRun trainer) {
        return trainer.algorithm().cliName() + " seed " + trainer.seed() + " (greedy)";
    }

    private static java.util.Map<String, String> greedyPrograms(Workflow workflow, CpuProgrammingKind kind, String policy,
                                                                CpuPolicyEvaluation.Policy greedy) {
        CpuPolicyEvaluation.Result r = CpuExperiment.evaluate(workflow, kind, policy, greedy);
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (CpuPolicyEvaluation.TaskOutcome o : r.tasks()) {
            out.put(o.taskId(), text(o, policy));
        }
        return out;
    }

    /**
     * Writes {@code <runDir>/programs/<algo>-seed<k>/<task>.s} for every checkpointed seed of a finished
     * {@code handoff train} run folder of a cpu-programming workflow (each seed restored from its last checkpoint, its
     * greedy policy run once per task). Returns the folders written; empty for any other kind or a seed without a
     * checkpoint.
     */
    public static java.util.List<Path> writeForRun(Path runDir) {
        java.util.List<Path> written = new java.util.ArrayList<>();
        dev.handoff.train.RunFolder run;
        try {
            run = dev.handoff.train.RunFolder.open(runDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open run folder " + runDir, e);
        } catch (dev.handoff.workflow.WorkflowLoadException e) {
            throw new IllegalArgumentException("cannot read the workflow of run folder " + runDir + ": " + e.getMessage(), e);
        }
        if (!(run.kind() instanceof CpuProgrammingKind kind)) {
            return written;
        }
        for (long seed : run.seeds()) {
            if (!Files.exists(dev.handoff.train.RunCheckpoints.fileOf(runDir, run.algorithm(), seed))) {
                continue;
            }
            Path dir = runDir.resolve("programs").resolve(run.algorithm().cliName() + "-seed" + seed);
            try (SeedRun t = run.restore(seed, run.handoffs())) {
                write(dir, CpuExperiment.evaluate(run.workflow(), kind, policyName(t), CpuExperiment.greedy(t)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot restore seed " + seed + " of " + runDir, e);
            }
            written.add(dir);
        }
        return written;
    }

    /** Writes {@code <dir>/<task>.s} for every task of {@code result}. */
    public static void write(Path dir, CpuPolicyEvaluation.Result result) {
        try {
            Files.createDirectories(dir);
            for (CpuPolicyEvaluation.TaskOutcome o : result.tasks()) {
                Files.writeString(dir.resolve(o.taskId() + ".s"), text(o, result.policy()), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write programs to " + dir, e);
        }
    }
}
