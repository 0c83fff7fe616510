package dev.handoff.env.synthetic;

import dev.handoff.workflow.EnvironmentSpec;
import dev.handoff.workflow.ParameterReader;
import dev.handoff.workflow.ParameterReader.Range;
import dev.handoff.workflow.Problem;

import java.util.List;

/**
 * The knobs of the synthetic IC-SMDP of ICQ.md §5, with its defaults. λ ({@code lambda}) is the interface-gap knob,
 * η ({@code eta}) the mixing knob; {@code qBase} sets the option durations.
 */
public record SyntheticParameters(
        int progressLevels,
        int difficultyLevels,
        double busyProbability,
        double stepCost,
        double[] qBase,
        double[] successOnStage,
        double[] successOffStage,
        double kS,
        double kD,
        double kT,
        double busyQ,
        double rGoal,
        double lambda,
        double eta) {

    public static final SyntheticParameters DEFAULTS = new SyntheticParameters(6, 3, 0.3, 0.1,
            new double[] {0.8, 0.35}, new double[] {0.30, 0.75}, new double[] {0.08, 0.25},
            0.3, 0.5, 0.3, 0.5, 10, 0, 0.05);

    /** Option count of every agent in this kind: quick (0) and thorough (1). */
    public static final int OPTIONS = 2;

    /** The parameter that sets λ, the interface-gap knob. */
    public static final String LAMBDA = "lambda";
    /** The parameter that sets η, the mixing knob. */
    public static final String ETA = "eta";

    /**
     * Reads the parameters of a workflow's environment section once, typed: each missing one takes its default (ICQ.md
     * §5); each one of the wrong type, out of range or unknown is added to {@code problems} at its JSON path, and its
     * default is used in its place.
     */
    public static SyntheticParameters read(EnvironmentSpec env, List<Problem> problems) {
        SyntheticParameters d = DEFAULTS;
        ParameterReader p = ParameterReader.of(env, problems);
        Range probability = Range.closed(0, 1);
        Range endProbability = Range.closed(1e-6, 1);
        int progressLevels = p.wholeInt("progressLevels", d.progressLevels, Range.atLeast(2));
        int difficultyLevels = p.wholeInt("difficultyLevels", d.difficultyLevels, Range.atLeast(2));
        double busyProbability = p.number("busyProbability", d.busyProbability, probability);
        double stepCost = p.number("stepCost", d.stepCost, Range.closed(0, 1e6));
        double[] qBase = {p.number("qBaseQuick", d.qBase[0], endProbability),
                p.number("qBaseThorough", d.qBase[1], endProbability)};
        double[] onStage = {p.number("successOnStageQuick", d.successOnStage[0], probability),
                p.number("successOnStageThorough", d.successOnStage[1], probability)};
        double[] offStage = {p.number("successOffStageQuick", d.successOffStage[0], probability),
                p.number("successOffStageThorough", d.successOffStage[1], probability)};
        double kS = p.number("kS", d.kS, Range.atLeast(0));
        double kD = p.number("kD", d.kD, Range.atLeast(0));
        double kT = p.number("kT", d.kT, Range.atLeast(0));
        double busyQ = p.number("busyQ", d.busyQ, endProbability);
        double rGoal = p.number("rGoal", d.rGoal);
        // λ keeps every duration end probability positive (kD) and every success factor 1 + λ·kS·aff non-negative (kS)
        double maxLambda = Math.min(kD > 0 ? 0.999 / kD : Double.MAX_VALUE,
                kS > 0 ? (difficultyLevels - 1) / kS : Double.MAX_VALUE);
        double lambda = p.number(LAMBDA, d.lambda, Range.closed(0, maxLambda));
        double eta = p.number(ETA, d.eta, probability);
        p.refuseUnknown(SyntheticKind.ID + " parameter");
        return new SyntheticParameters(progressLevels, difficultyLevels, busyProbability, stepCost, qBase, onStage,
                offStage, kS, kD, kT, busyQ, rGoal, lambda, eta);
    }

    /** The parameters of a valid workflow's environment section; throws listing the problems of an invalid one. */
    public static SyntheticParameters from(EnvironmentSpec env) {
        return ParameterReader.readValid(SyntheticKind.ID, problems -> read(env, problems));
    }

    /** Whether agent {@code agent} is specialised in stage {@code g}: spec(i, g) = ((g − i) mod (G − 1)) ∈ {0, 1}. */
    public boolean onOwnStage(int agent, int g) {
        int r = Math.floorMod(g - agent, progressLevels - 1);
        return r == 0 || r == 1;
    }

    /** Affinity of agent i for hidden difficulty h: 1 if h = i mod H, else −1/(H − 1). */
    public double affinity(int agent, int h) {
        return h == Math.floorMod(agent, difficultyLevels) ? 1.0 : -1.0 / (difficultyLevels - 1);
    }

    /** Per-step end probability q of an option's duration. */
    public double durationEndProbability(int option, boolean busy, int h) {
        double q = qBase[option] * (busy ? busyQ : 1.0) * (1 - lambda * kD * h / (double) (difficultyLevels - 1));
        return Math.min(1.0, Math.max(1e-9, q));
    }

    /** Probability that the option advances visible progress g by one (0 when the task is done). */
    public double progressProbability(int agent, int option, int g, int h) {
        if (g >= progressLevels - 1) {
            return 0;
        }
        double base = onOwnStage(agent, g) ? successOnStage[option] : successOffStage[option];
        return Math.min(1.0, Math.max(0.0, base * (1 + lambda * kS * affinity(agent, h))));
    }

    /** Terminal reward paid on STOP with progress g' and the difficulty h before the epoch's transition. */
    public double terminalReward(int gNext, int h) {
        double done = gNext / (double) (progressLevels - 1);
        return rGoal * done * done * (1 + lambda * kT * (2.0 * h / (difficultyLevels - 1) - 1));
    }

    /** E[γ^τ] for a geometric duration with end probability q. */
    public static double expectedDiscount(double gamma, double q) {
        return gamma * q / (1 - gamma * (1 - q));
    }

    /** Option reward R = −cost·(1 − γ^τ)/(1 − γ) for a given γ^τ. */
    public double optionReward(double gamma, double gammaPowTau) {
        return -stepCost * (1 - gammaPowTau) / (1 - gamma);
    }
}
