package dev.handoff.cpu;

/** SyGuS-Comp grammar difficulty of a Hacker's Delight task: d0 (the operators of the reference), d1, d5 (full). */
public enum Difficulty {
    D0("grammar_d0"), D1("grammar_d1"), D5("grammar_d5");

    private final String jsonKey;

    Difficulty(String jsonKey) {
        this.jsonKey = jsonKey;
    }

    /** The key of this grammar in {@code hackers_delight_specs.json}. */
    public String jsonKey() {
        return jsonKey;
    }
}
