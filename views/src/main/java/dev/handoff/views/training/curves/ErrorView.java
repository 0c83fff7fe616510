package dev.handoff.views.training.curves;

/**
 * What the error chart shows: the exact kinds' error components (ICQ.md §4) or the oracle gap of the return, or TD
 * errors per agent (the only choice without a finite model).
 */
public enum ErrorView {
    COMPONENTS("Error components"), ORACLE_GAP("Oracle gap J* − J"), TD_ERROR("TD error per agent");

    private final String label;

    ErrorView(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
