package dev.handoff.env.llm;

/**
 * Which correctness an llm-math run uses: the labels as released with the data (default, reproducible), or
 * the answers re-graded with {@link Gsm8kGrader#isCorrect}. Every report names the one it used.
 */
public enum Grading {
    /** The released labels; an answer without one (a live answer) is graded with RouteLLM's last-integer rule. */
    RELEASED_LABELS("released-labels"),
    /** Every answer re-graded: number after {@code ####} (or the last number), decimals compared numerically. */
    REGRADED("regraded");

    private final String id;

    Grading(String id) {
        this.id = id;
    }

    /** The name used in workflow parameters and reports. */
    public String id() {
        return id;
    }

    public static Grading fromId(String id) {
        for (Grading g : values()) {
            if (g.id.equals(id)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown grading \"" + id + "\" (expected released-labels or regraded)");
    }
}
