package dev.handoff.cpu;

/** How a run of the machine ended. */
public enum RunStatus {
    /** The pc reached the end of the program (fell off, or jumped to the end, e.g. {@code ret}). */
    HALTED,
    /** The step limit was reached before the program ended. */
    STEP_LIMIT,
    /** A jump or taken branch went outside the program or to a misaligned address. */
    BAD_JUMP
}
