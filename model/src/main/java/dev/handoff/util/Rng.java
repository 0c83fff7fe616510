package dev.handoff.util;

/**
 * A small, fast, seedable random generator (xoshiro256**, seeded through SplitMix64) whose whole state can be saved
 * and restored, so that a checkpointed run resumes bit-identically.
 */
public final class Rng {
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    public Rng(long seed) {
        long x = seed;
        s0 = splitMix(x += 0x9E3779B97F4A7C15L);
        s1 = splitMix(x += 0x9E3779B97F4A7C15L);
        s2 = splitMix(x += 0x9E3779B97F4A7C15L);
        s3 = splitMix(x + 0x9E3779B97F4A7C15L);
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in {0..bound-1}. */
    public int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    public boolean bernoulli(double p) {
        return nextDouble() < p;
    }

    /** Exponential with the given rate. */
    public double exponential(double rate) {
        return -Math.log(1.0 - nextDouble()) / rate;
    }

    /** A child generator with an independent stream, derived deterministically from this one. */
    public Rng split() {
        return new Rng(nextLong());
    }

    public long[] state() {
        return new long[] {s0, s1, s2, s3};
    }

    public void restore(long[] state) {
        s0 = state[0];
        s1 = state[1];
        s2 = state[2];
        s3 = state[3];
    }
}
