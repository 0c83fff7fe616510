package dev.handoff.env.cpu;

import dev.handoff.cpu.Assembler;
import dev.handoff.train.SeedTrainer;
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
    public static String greedyProgram(Workflow workflow, CpuProgrammingKind kind, SeedTrainer trainer, String taskId) {
        String policy = trainer.algorithm().cliName() + " seed " + trainer.seed() + " (greedy)";
        CpuPolicyEvaluation.Result r = CpuExperiment.evaluate(workflow, kind, policy, CpuPolicyEvaluation.greedy(trainer));
        return text(r.task(taskId), policy);
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
