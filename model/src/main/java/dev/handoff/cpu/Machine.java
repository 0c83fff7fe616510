package dev.handoff.cpu;

/**
 * An RV32IM hart without memory: 32 integer registers and a pc, running {@link DecodedProgram}s. A run puts the
 * arguments in a0..a2, the program's end address in ra (so {@code ret} ends it) and returns a0. The hot loop works on
 * primitive arrays and allocates nothing; one machine is not thread-safe.
 */
public final class Machine {
    /** Step limit used when none is given. */
    public static final int DEFAULT_STEP_LIMIT = 10_000;

    private final int[] regs = new int[Registers.COUNT];
    private long stepsExecuted;
    private RunStatus lastStatus = RunStatus.HALTED;
    private long lastSteps;

    /** Runs with the {@link #DEFAULT_STEP_LIMIT}. */
    public int run(DecodedProgram p, int a0, int a1, int a2) {
        return run(p, a0, a1, a2, DEFAULT_STEP_LIMIT);
    }

    /**
     * Runs {@code p} from pc 0 with the arguments in a0..a2 and returns a0 when it stops. How it stopped is
     * {@link #lastStatus()}; the instructions it executed are {@link #lastSteps()}.
     */
    public int run(DecodedProgram p, int a0, int a1, int a2, long stepLimit) {
        final int[] r = regs;
        java.util.Arrays.fill(r, 0);
        r[Registers.A0] = a0;
        r[Registers.A1] = a1;
        r[Registers.A2] = a2;
        r[Registers.RA] = 4 * p.length;
        final int n = p.length;
        final byte[] kind = p.kind;
        final int[] alu = p.alu;
        final int[] rd = p.rd;
        final int[] rs1 = p.rs1;
        final int[] rs2 = p.rs2;
        final int[] imm = p.imm;
        final int[] target = p.target;
        int pc = 0;
        long steps = 0;
        RunStatus status = RunStatus.HALTED;
        while (pc != n) {
            if (steps >= stepLimit) {
                status = RunStatus.STEP_LIMIT;
                break;
            }
            steps++;
            int next = pc + 1;
            switch (kind[pc]) {
                case DecodedProgram.KIND_ALU_RR -> r[rd[pc]] = alu(alu[pc], r[rs1[pc]], r[rs2[pc]]);
                case DecodedProgram.KIND_ALU_RI -> r[rd[pc]] = alu(alu[pc], r[rs1[pc]], imm[pc]);
                case DecodedProgram.KIND_CONST -> r[rd[pc]] = imm[pc];
                case DecodedProgram.KIND_BEQ -> {
                    if (r[rs1[pc]] == r[rs2[pc]]) {
                        next = target[pc];
                    }
                }
                case DecodedProgram.KIND_BNE -> {
                    if (r[rs1[pc]] != r[rs2[pc]]) {
                        next = target[pc];
                    }
                }
                case DecodedProgram.KIND_BLT -> {
                    if (r[rs1[pc]] < r[rs2[pc]]) {
                        next = target[pc];
                    }
                }
                case DecodedProgram.KIND_BGE -> {
                    if (r[rs1[pc]] >= r[rs2[pc]]) {
                        next = target[pc];
                    }
                }
                case DecodedProgram.KIND_BLTU -> {
                    if (Integer.compareUnsigned(r[rs1[pc]], r[rs2[pc]]) < 0) {
                        next = target[pc];
                    }
                }
                case DecodedProgram.KIND_BGEU -> {
                    if (Integer.compareUnsigned(r[rs1[pc]], r[rs2[pc]]) >= 0) {
                        next = target[pc];
                    }
                }
                case DecodedProgram.KIND_JAL -> {
                    r[rd[pc]] = 4 * pc + 4;
                    next = target[pc];
                }
                default -> { // JALR
                    int address = (r[rs1[pc]] + imm[pc]) & ~1;
                    r[rd[pc]] = 4 * pc + 4;
                    next = (address & 3) == 0 && address >= 0 && address / 4 <= n ? address / 4 : -1;
                }
            }
            r[0] = 0;
            if (next < 0) {
                status = RunStatus.BAD_JUMP;
                break;
            }
            pc = next;
        }
        lastStatus = status;
        lastSteps = steps;
        stepsExecuted += steps;
        return r[Registers.A0];
    }

    /** How the last run ended. */
    public RunStatus lastStatus() {
        return lastStatus;
    }

    /** Instructions executed by the last run. */
    public long lastSteps() {
        return lastSteps;
    }

    /** Instructions executed by all runs of this machine. */
    public long stepsExecuted() {
        return stepsExecuted;
    }

    /** Value of register {@code index} after the last run. */
    public int register(int index) {
        return regs[index];
    }

    /**
     * The ALU function of a register-register opcode ({@code code} is its ordinal, ADD..REMU), with the RISC-V
     * M-extension results for division by zero (quotient all ones, remainder the dividend) and signed overflow
     * (MIN / -1 = MIN, remainder 0). Shift amounts use the low five bits.
     */
    public static int alu(int code, int a, int b) {
        switch (code) {
            case 0: return a + b;                                           // ADD
            case 1: return a - b;                                           // SUB
            case 2: return a << b;                                          // SLL (Java masks to 5 bits)
            case 3: return a < b ? 1 : 0;                                   // SLT
            case 4: return Integer.compareUnsigned(a, b) < 0 ? 1 : 0;       // SLTU
            case 5: return a ^ b;                                           // XOR
            case 6: return a >>> b;                                         // SRL
            case 7: return a >> b;                                          // SRA
            case 8: return a | b;                                           // OR
            case 9: return a & b;                                           // AND
            case 10: return a * b;                                          // MUL
            case 11: return (int) (((long) a * (long) b) >> 32);            // MULH
            case 12: return (int) (((long) a * (b & 0xFFFFFFFFL)) >> 32);   // MULHSU
            case 13: return (int) (((a & 0xFFFFFFFFL) * (b & 0xFFFFFFFFL)) >>> 32); // MULHU
            case 14: return b == 0 ? -1 : a / b;                            // DIV (MIN / -1 = MIN in Java too)
            case 15: return b == 0 ? -1 : Integer.divideUnsigned(a, b);     // DIVU
            case 16: return b == 0 ? a : a % b;                             // REM (MIN % -1 = 0 in Java too)
            case 17: return b == 0 ? a : Integer.remainderUnsigned(a, b);   // REMU
            default: throw new IllegalArgumentException("not an ALU opcode: " + code);
        }
    }

    /** {@link #alu(int, int, int)} for a register-register or immediate-form opcode. */
    public static int alu(Opcode op, int a, int b) {
        return alu(DecodedProgram.registerForm(op).ordinal(), a, b);
    }
}
