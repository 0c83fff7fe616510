package dev.handoff.env.cpu;

import dev.handoff.workflow.FeatureSpec;
import dev.handoff.workflow.FeatureType;

/** The features of the cpu-programming artifact (a program under construction for one Hacker's Delight task). */
public enum CpuFeature {
    ARITY(FeatureSpec.integer("arity", 1, 3, "Number of arguments of the task (a0..a2)")),
    RETURNS_BOOL(FeatureSpec.bool("returnsBool", "The task returns a Bool (0/1)")),
    GRAMMAR_SIZE(FeatureSpec.integer("grammarSize", 0, 40, "Operators + constants + arguments of the chosen grammar")),
    PLANNED(FeatureSpec.bool("planned", "A planner has chosen the grammar and the length bound")),
    LENGTH_BOUND(FeatureSpec.integer("lengthBound", 0, 8, "Maximum program length the coder searches (0 = not planned)")),
    PROGRAM_LENGTH(FeatureSpec.integer("programLength", 0, 32, "Instructions in the current program (0 = none)")),
    ASSEMBLES(FeatureSpec.bool("assembles", "There is a program and its text assembles")),
    PUBLIC_PASS_SHARE(FeatureSpec.real("publicPassShare", 0, 1, "Share of the public vectors the program passed when last run")),
    HELD_OUT_CHECKED(FeatureSpec.bool("heldOutChecked", "The current program was run on the full vector set")),
    HELD_OUT_PASSED(FeatureSpec.bool("heldOutPassed", "That full run passed every vector")),
    BUDGET_SPENT(FeatureSpec.real("budgetSpent", 0, 1, "Candidates tried so far, log10(1 + n) / 6, at most 1")),
    CODER_RUNS(FeatureSpec.integer("coderRuns", 0, 3, "Coder runs on this artifact (3 = three or more)")),
    OPTIMIZED(FeatureSpec.bool("optimized", "The current program went through the peephole optimiser")),
    HANDOFFS(FeatureSpec.integer("handoffs", 0, 12, "Handoffs so far in this episode (12 = twelve or more)"));

    private final FeatureSpec spec;

    CpuFeature(FeatureSpec spec) {
        this.spec = spec;
    }

    public FeatureSpec spec() {
        return spec;
    }

    public String featureName() {
        return spec.name();
    }

    public FeatureType type() {
        return spec.type();
    }

    /** The feature with this name, or null. */
    public static CpuFeature byName(String name) {
        for (CpuFeature f : values()) {
            if (f.featureName().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
