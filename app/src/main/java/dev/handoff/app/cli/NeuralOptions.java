package dev.handoff.app.cli;

import dev.handoff.learn.neural.NeuralSettings;
import dev.handoff.workflow.NeuralSpec;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;

/**
 * The neural learner's settings as flags ({@code --width 128 --learning-rate 1e-3 ...}): each one overrides the same
 * field of the workflow's {@code training.neural}, whose fields in turn override the defaults
 * ({@link NeuralSpec#DEFAULTS}). A picocli mixin of {@code train} and {@code cpu-report}.
 */
final class NeuralOptions {
    private static final String PREFIX = "icq-neural: ";
    private static final String SUFFIX = " (overrides training.neural.";

    @Option(names = "--width", paramLabel = "M", description = PREFIX + "hidden units per layer" + SUFFIX + "width; default 64)")
    Integer width;

    @Option(names = "--depth", paramLabel = "D", description = PREFIX + "hidden layers" + SUFFIX + "depth; default 2)")
    Integer depth;

    @Option(names = "--learning-rate", paramLabel = "LR", description = PREFIX + "Adam's step" + SUFFIX + "learningRate; default 3e-3)")
    Double learningRate;

    @Option(names = "--batch-size", paramLabel = "B", description = PREFIX + "transitions per training step" + SUFFIX + "batchSize; default 32)")
    Integer batchSize;

    @Option(names = "--replay-capacity", paramLabel = "N", description = PREFIX + "transitions kept per agent" + SUFFIX + "replayCapacity; default 20000)")
    Integer replayCapacity;

    @Option(names = "--warmup", paramLabel = "N", description = PREFIX + "transitions before the first training step" + SUFFIX + "warmup; default 256)")
    Integer warmup;

    @Option(names = "--train-every", paramLabel = "K", description = PREFIX + "one training step every K decisions" + SUFFIX + "trainEvery; default 1)")
    Integer trainEvery;

    @Option(names = "--target-period", paramLabel = "K", description = PREFIX + "copy the target network every K steps" + SUFFIX + "targetPeriod; default 100)")
    Integer targetPeriod;

    @Option(names = "--polyak-tau", paramLabel = "TAU", description = PREFIX + "Polyak-average the target network instead" + SUFFIX + "polyakTau)")
    Double polyakTau;

    @Option(names = "--huber-delta", paramLabel = "D", description = PREFIX + "δ of the Huber loss" + SUFFIX + "huberDelta; default 1)")
    Double huberDelta;

    @Option(names = "--scalar-mode", paramLabel = "MODE", description = PREFIX + "stored or requery" + SUFFIX + "scalarMode; default stored)")
    String scalarMode;

    @Option(names = "--mirror-refresh", paramLabel = "K", description = PREFIX + "refresh the acting mirror every K steps" + SUFFIX + "mirrorRefresh; default 1)")
    Integer mirrorRefresh;

    @Option(names = "--requery-memory", paramLabel = "N", description = PREFIX + "handed-off views kept for re-queries" + SUFFIX + "requeryMemory; default 200000)")
    Integer requeryMemory;

    /** The fields the flags set (the others null). */
    NeuralSpec overrides() {
        return new NeuralSpec(width, depth, learningRate, batchSize, replayCapacity, warmup, trainEvery, targetPeriod,
                polyakTau, huberDelta, scalarMode, mirrorRefresh, requeryMemory);
    }

    /** Whether any flag is given. */
    boolean any() {
        return !overrides().equals(NeuralSpec.NONE);
    }

    /**
     * The settings to train with: the workflow's neural block overridden by the flags. Each problem of the result is added
     * to {@code errors} as one line, {@code --flag: message} where a flag set the field, else {@code path: message}.
     */
    NeuralSettings resolve(Workflow w, List<String> errors) {
        NeuralSpec given = w.training().neural() == null ? NeuralSpec.NONE : w.training().neural();
        NeuralSpec merged = given.overriddenBy(overrides());
        String base = "/training/neural";
        List<Problem> problems = merged.problems(base);
        NeuralSpec flags = overrides();
        for (Problem p : problems) {
            String field = p.path().substring(base.length() + 1);
            errors.add(flags.fields().containsKey(field) ? flag(field) + ": " + p.message() : p.toString());
        }
        return problems.isEmpty() ? NeuralSettings.of(merged) : null;
    }

    /** {@code learningRate} → {@code --learning-rate}. */
    static String flag(String field) {
        return "--" + field.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
