package dev.handoff.trace;

/**
 * The names of the trace format (docs/trace.md; its JSON Schema is docs/trace.schema.json): one JSON object per line,
 * of type {@code decision} or {@code outcome}, both keyed by the handoff id by which the work reached the agent.
 */
public final class TraceFormat {
    public static final String TYPE = "type";
    public static final String DECISION = "decision";
    public static final String OUTCOME = "outcome";
    public static final String AGENT = "agent";
    public static final String HANDOFF_ID = "handoffId";
    public static final String TIME = "time";
    public static final String FEATURES = "features";
    public static final String PRIVATE_STATE = "privateState";
    public static final String ACTION = "action";
    public static final String ACTION_LABEL = "actionLabel";
    public static final String SCALAR_SENT = "scalarSent";
    public static final String REWARD = "reward";
    public static final String TAU = "tau";
    public static final String NEXT_HANDOFF_ID = "nextHandoffId";
    public static final String SCALAR_RECEIVED = "scalarReceived";

    /** Longest agent id, handoff id, time or action label accepted (characters). */
    public static final int MAX_ID_LENGTH = 200;
    /** Longest line accepted (characters). */
    public static final int MAX_LINE_LENGTH = 65_536;
    /** Problems reported for one file before reading stops. */
    public static final int MAX_PROBLEMS = 20;
    /** File name extension of traces. */
    public static final String EXTENSION = ".jsonl";

    private TraceFormat() {
    }
}
