package dev.handoff.train;

/**
 * The tag of the tests that compare two neural (DJL) runs bit for bit: a run resumed from a checkpoint against the same
 * run uninterrupted, two runs of one seed, a run on another thread. They run in the default build; the tag selects them
 * ({@code mvn -pl model test -Dgroups=torch-determinism}). They used to fail in about a quarter of JVM runs, never under
 * {@code -XX:+UseEpsilonGC}: DJL 0.36's PyTorch {@code mul(Number)}, {@code minimum(Number)}, … wrap the number in a
 * tensor backed by a Java direct buffer and close it when the forward operation returns, while autograd keeps that
 * tensor for backward, so a garbage collection between forward and backward let our Huber loss's backward read freed,
 * reused memory. {@code HuberLoss} now keeps its constants as arrays of the step's manager ({@code HuberLossTest}).
 */
public final class TorchDeterminism {
    public static final String TAG = "torch-determinism";

    private TorchDeterminism() {
    }
}
