package dev.handoff.learn.neural;

/** How a replayed transition gets its handoff scalar m (ICQ.md §3). */
public enum ScalarMode {
    /** The scalar the receiver sent at handoff time, stored in the sender's replay (cheap; goes stale). */
    STORED("stored"),
    /** The receiver keeps the handed-off view under a handoff id and sends a fresh scalar each time it is replayed. */
    REQUERY("requery");

    private final String cliName;

    ScalarMode(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static ScalarMode parse(String s) {
        for (ScalarMode m : values()) {
            if (m.cliName.equalsIgnoreCase(s) || m.name().equalsIgnoreCase(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown scalar mode \"" + s + "\" (known: stored, requery)");
    }
}
