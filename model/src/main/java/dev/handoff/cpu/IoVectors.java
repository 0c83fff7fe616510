package dev.handoff.cpu;

/**
 * Input/output vectors of a program-synthesis task, column-wise in primitive arrays: row {@code i} gives the program
 * a0..a2 = {@code a0(i), a1(i), a2(i)} and expects a0 = {@code expected(i)} (unused arguments are 0). Immutable.
 */
public final class IoVectors {
    private final int[] a0;
    private final int[] a1;
    private final int[] a2;
    private final int[] expected;

    public IoVectors(int[] a0, int[] a1, int[] a2, int[] expected) {
        int n = expected.length;
        if (a0.length != n || a1.length != n || a2.length != n) {
            throw new IllegalArgumentException("columns differ in length");
        }
        this.a0 = a0.clone();
        this.a1 = a1.clone();
        this.a2 = a2.clone();
        this.expected = expected.clone();
    }

    public int size() {
        return expected.length;
    }

    public int a0(int row) {
        return a0[row];
    }

    public int a1(int row) {
        return a1[row];
    }

    public int a2(int row) {
        return a2[row];
    }

    /** Argument {@code k} (0..2) of row {@code row}. */
    public int argument(int k, int row) {
        return switch (k) {
            case 0 -> a0[row];
            case 1 -> a1[row];
            case 2 -> a2[row];
            default -> throw new IllegalArgumentException("argument " + k);
        };
    }

    public int expected(int row) {
        return expected[row];
    }

    /** How many rows {@code program} gets right on {@code machine} (a run that does not halt counts as wrong). */
    public int countPassing(DecodedProgram program, Machine machine, long stepLimit) {
        int passed = 0;
        for (int i = 0; i < expected.length; i++) {
            int out = machine.run(program, a0[i], a1[i], a2[i], stepLimit);
            if (machine.lastStatus() == RunStatus.HALTED && out == expected[i]) {
                passed++;
            }
        }
        return passed;
    }

    /** True when {@code program} halts with the expected a0 on every row. */
    public boolean allPass(DecodedProgram program, Machine machine, long stepLimit) {
        return countPassing(program, machine, stepLimit) == expected.length;
    }

    /** These rows followed by {@code other}'s. */
    public IoVectors concat(IoVectors other) {
        return new IoVectors(join(a0, other.a0), join(a1, other.a1), join(a2, other.a2), join(expected, other.expected));
    }

    private static int[] join(int[] x, int[] y) {
        int[] out = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }
}
