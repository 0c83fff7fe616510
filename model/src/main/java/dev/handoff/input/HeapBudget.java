package dev.handoff.input;

/**
 * Refuses, before allocating, a structure that would not fit in the Java heap: an exact model, the exact solver's
 * dense matrices, a run's Q-tables. The budget is {@link InputLimits#HEAP_PERCENT} of the maximum heap, a fixed number
 * for a given {@code -Xmx}, so a refusal does not depend on what the garbage collector has freed so far.
 */
public final class HeapBudget {
    private HeapBudget() {
    }

    /** The bytes one structure may take: {@code max-heap-percent} of {@code Runtime.maxMemory()}. */
    public static long bytes() {
        return Runtime.getRuntime().maxMemory() / 100 * InputLimits.HEAP_PERCENT.value();
    }

    /**
     * Throws {@link LimitExceededException} unless {@code needed} bytes fit the budget: {@code "<what> would need 21.0
     * GB, more than max-heap-percent = 75 of the 4.0 GB heap (3.0 GB); ..."}.
     */
    public static void require(long needed, String what) {
        long budget = bytes();
        if (needed < 0 || needed > budget) {
            String size = needed < 0 ? "more than " + InputLimits.bytes(Long.MAX_VALUE) : InputLimits.bytes(needed);
            throw new LimitExceededException(InputLimits.HEAP_PERCENT, what + " would need " + size + ", more than "
                    + InputLimits.HEAP_PERCENT + "% of the " + InputLimits.bytes(Runtime.getRuntime().maxMemory())
                    + " heap (" + InputLimits.bytes(budget) + "): give Java more memory (-Xmx, e.g. HANDOFF_JAVA_OPTS=-Xmx16g"
                    + " for ./handoff) or make the workflow smaller");
        }
    }

    /** {@code a * b}, or -1 (read as "more than any heap") when it overflows a long. */
    public static long times(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    /** {@code a + b} of two sizes, -1 when either is -1 or the sum overflows. */
    public static long plus(long a, long b) {
        if (a < 0 || b < 0) {
            return -1;
        }
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            return -1;
        }
    }
}
