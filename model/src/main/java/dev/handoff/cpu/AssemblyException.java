package dev.handoff.cpu;

/** Assembly text that cannot be assembled; the message names the line and what is wrong with it. */
public final class AssemblyException extends IllegalArgumentException {
    private final int line;

    public AssemblyException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    /** 1-based source line of the problem. */
    public int line() {
        return line;
    }
}
