package dev.handoff.cpu;

/** The synthesiser's options: how many candidate programs it may evaluate before giving up. */
public enum SearchBudget {
    TINY(1_000), SMALL(10_000), MEDIUM(100_000), LARGE(1_000_000);

    private final long maxCandidates;

    SearchBudget(long maxCandidates) {
        this.maxCandidates = maxCandidates;
    }

    public long maxCandidates() {
        return maxCandidates;
    }
}
