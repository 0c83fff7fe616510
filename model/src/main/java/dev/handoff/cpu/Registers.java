package dev.handoff.cpu;

import java.util.HashMap;
import java.util.Map;

/** The 32 integer registers x0..x31 and their ABI names (zero, ra, sp, gp, tp, t0-t6, s0-s11, a0-a7). */
public final class Registers {
    /** Number of integer registers. */
    public static final int COUNT = 32;
    public static final int ZERO = 0;
    public static final int RA = 1;
    public static final int A0 = 10;
    public static final int A1 = 11;
    public static final int A2 = 12;

    private static final String[] ABI = {
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1",
        "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7",
        "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11",
        "t3", "t4", "t5", "t6"
    };
    private static final Map<String, Integer> BY_NAME = new HashMap<>();

    static {
        for (int i = 0; i < COUNT; i++) {
            BY_NAME.put(ABI[i], i);
            BY_NAME.put("x" + i, i);
        }
        BY_NAME.put("fp", 8);
    }

    private Registers() {
    }

    /** ABI name of register {@code index} (e.g. 10 → {@code "a0"}). */
    public static String abiName(int index) {
        return ABI[index];
    }

    /** Register index for an ABI name, {@code xN} or {@code fp}; -1 when the name is not a register. */
    public static int parse(String name) {
        Integer index = BY_NAME.get(name);
        return index == null ? -1 : index;
    }
}
