package dev.handoff.env.llm;

import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.FeatureSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The artifact features the llm-math kind can compute for a math problem being worked on. None of them is the gold
 * answer or a correctness label: they are read off the question and the answers given so far.
 */
public final class LlmMathFeatures {
    /** Length of the question in characters. */
    public static final String QUESTION_CHARS = "questionChars";
    /** Prefix of the per-agent features "this agent has answered" ({@code answered_<agentId>}). */
    public static final String ANSWERED_PREFIX = "answered_";
    /** Number of answers given so far. */
    public static final String ANSWER_COUNT = "answerCount";
    /** The latest answer states its final number explicitly ({@code ####}, {@code A:} or "answer is"). */
    public static final String LATEST_HAS_FINAL = "latestHasFinalAnswer";
    /** The answer before the latest states its final number explicitly. */
    public static final String PREVIOUS_HAS_FINAL = "previousHasFinalAnswer";
    /** The final numbers of the last two answers are equal (false with fewer than two answers). */
    public static final String LAST_TWO_AGREE = "lastTwoAgree";
    /** Length of the latest answer in characters (0 before any answer). */
    public static final String LATEST_CHARS = "latestAnswerChars";
    /** Dollars spent on this question so far. */
    public static final String SPENT = "spent";
    /** A STOP now would submit the previous answer rather than the latest (after a prefer-previous option). */
    public static final String SUBMITTING_PREVIOUS = "submittingPrevious";

    /** Largest question in the GSM8K test set has 848 characters; longer ones fall into the top bin. */
    public static final double QUESTION_CHARS_MAX = 900;
    /** Longest recorded answer has 2,054 characters. */
    public static final double ANSWER_CHARS_MAX = 2100;

    private LlmMathFeatures() {
    }

    /**
     * The full schema for a workflow whose LLM agents are {@code llmAgentIds}: every feature above, with
     * {@code spent} ranging over {@code [0, spentMax]} dollars.
     */
    public static ArtifactSchema schema(List<String> llmAgentIds, double spentMax, int maxHandoffs) {
        List<FeatureSpec> f = new ArrayList<>();
        f.add(FeatureSpec.real(QUESTION_CHARS, 0, QUESTION_CHARS_MAX, "length of the question in characters"));
        for (String id : llmAgentIds) {
            f.add(FeatureSpec.bool(ANSWERED_PREFIX + id, "agent " + id + " has answered"));
        }
        f.add(FeatureSpec.integer(ANSWER_COUNT, 0, maxHandoffs, "answers given so far"));
        f.add(FeatureSpec.bool(LATEST_HAS_FINAL, "the latest answer states a final number (#### n, A: n, answer is n)"));
        f.add(FeatureSpec.bool(PREVIOUS_HAS_FINAL, "the previous answer states a final number"));
        f.add(FeatureSpec.bool(LAST_TWO_AGREE, "the last two answers have the same final number"));
        f.add(FeatureSpec.real(LATEST_CHARS, 0, ANSWER_CHARS_MAX, "length of the latest answer in characters"));
        f.add(FeatureSpec.real(SPENT, 0, spentMax, "dollars spent on this question so far"));
        f.add(FeatureSpec.bool(SUBMITTING_PREVIOUS, "STOP would submit the previous answer, not the latest"));
        return new ArtifactSchema(f);
    }
}
