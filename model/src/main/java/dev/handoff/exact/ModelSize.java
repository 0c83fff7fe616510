package dev.handoff.exact;

import dev.handoff.input.HeapBudget;
import dev.handoff.input.InputLimits;

/**
 * How large a workflow's exact model would be, computed from the workflow without building it: its joint states, the
 * bytes of the {@link FiniteSmdp} and the bytes the exact analysis needs on top (the behaviour chain and the dense n×n
 * matrix of the occupancy). Lets callers refuse, or fall back to simulation, before allocating.
 *
 * @param states        joint states n
 * @param modelBytes    the model's arrays ({@code -1}: more than a long can count)
 * @param chainEntries  non-zero entries of the behaviour chain P (an upper bound)
 */
public record ModelSize(long states, long modelBytes, long chainEntries) {
    /** Bytes the model and the exact analysis need at least: the model, the chain P and P as a dense n×n matrix. */
    public long analysisBytes() {
        long chain = HeapBudget.times(chainEntries, 2L * (Integer.BYTES + Double.BYTES)); // CSR arrays, grown by doubling
        return HeapBudget.plus(HeapBudget.plus(modelBytes, chain), HeapBudget.times(HeapBudget.times(states, states), Double.BYTES));
    }

    /** Whether the model fits the heap budget ({@link HeapBudget}). */
    public boolean fitsHeap() {
        return modelBytes >= 0 && modelBytes <= HeapBudget.bytes();
    }

    /** Refuses a model that would not fit the heap, naming its size. */
    public void requireModel() {
        HeapBudget.require(modelBytes, "the exact model of this workflow (" + states + " joint states)");
    }

    /** Whether the exact analysis (occupancy, mixing time, Q̂, error components) can take this model. */
    public boolean analysable() {
        long bytes = analysisBytes();
        return InputLimits.EXACT_STATES.allows(states) && bytes >= 0 && bytes <= HeapBudget.bytes();
    }

    /** Refuses, before anything is built, a model the exact analysis cannot take: too many states or too little heap. */
    public void requireAnalysable() {
        InputLimits.EXACT_STATES.check(states, "the exact solver");
        HeapBudget.require(analysisBytes(), "the exact analysis of this workflow (" + states + " joint states, a dense "
                + states + "×" + states + " matrix)");
    }
}
