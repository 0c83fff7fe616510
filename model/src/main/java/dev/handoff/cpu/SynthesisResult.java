package dev.handoff.cpu;

/**
 * What one enumerative search produced: the program (null when none was found within the budget and length), the
 * candidates it evaluated, the RV32IM instructions executed (candidate evaluation on the public vectors plus full
 * runs on the machine to verify), the distinct behaviours kept, how many public-vector matches the held-out vectors
 * rejected, and the wall time.
 */
public record SynthesisResult(Program program, long candidatesTried, long instructionsExecuted, int termsKept,
                              int rejectedByHeldOut, boolean budgetExhausted, long elapsedNanos) {

    public boolean found() {
        return program != null;
    }
}
