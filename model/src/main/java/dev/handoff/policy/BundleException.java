package dev.handoff.policy;

import java.util.List;

/** A policy bundle that cannot be used: missing or corrupted files, or one that does not fit the workflow (all differences listed). */
public final class BundleException extends Exception {
    private final List<String> problems;

    public BundleException(String message, List<String> problems) {
        super(message + (problems.isEmpty() ? "" : ":\n  " + String.join("\n  ", problems)));
        this.problems = List.copyOf(problems);
    }

    public BundleException(String message) {
        this(message, List.of());
    }

    public List<String> problems() {
        return problems;
    }
}
