package dev.handoff.cpu;

/**
 * One RV32IM instruction as the assembler sees it. Fields an opcode's {@link Opcode.Format} does not use are 0, so
 * equal instructions are equal records. Branch and jal offsets are byte offsets relative to the instruction's own pc
 * (instruction {@code i} sits at pc {@code 4 i}); U-type immediates are the 20-bit upper value.
 */
public record Instruction(Opcode op, int rd, int rs1, int rs2, int imm) {

    public Instruction {
        if (op == null) {
            throw new IllegalArgumentException("opcode is null");
        }
        checkRegister(rd, "rd");
        checkRegister(rs1, "rs1");
        checkRegister(rs2, "rs2");
        switch (op.format()) {
            case R -> requireZero(imm, "imm", op);
            case I, JALR -> {
                requireZero(rs2, "rs2", op);
                checkRange(imm, -2048, 2047, op);
            }
            case SHIFT -> {
                requireZero(rs2, "rs2", op);
                checkRange(imm, 0, 31, op);
            }
            case U -> {
                requireZero(rs1, "rs1", op);
                requireZero(rs2, "rs2", op);
                checkRange(imm, 0, 0xFFFFF, op);
            }
            case B -> {
                requireZero(rd, "rd", op);
                checkRange(imm, -4096, 4094, op);
                requireEven(imm, op);
            }
            case J -> {
                requireZero(rs1, "rs1", op);
                requireZero(rs2, "rs2", op);
                checkRange(imm, -(1 << 20), (1 << 20) - 2, op);
                requireEven(imm, op);
            }
            default -> throw new IllegalStateException("unknown format " + op.format());
        }
    }

    /** {@code op rd, rs1, rs2}. */
    public static Instruction r(Opcode op, int rd, int rs1, int rs2) {
        return new Instruction(op, rd, rs1, rs2, 0);
    }

    /** {@code op rd, rs1, imm} for I, SHIFT and JALR formats. */
    public static Instruction i(Opcode op, int rd, int rs1, int imm) {
        return new Instruction(op, rd, rs1, 0, imm);
    }

    /** {@code lui/auipc rd, imm20}. */
    public static Instruction u(Opcode op, int rd, int imm20) {
        return new Instruction(op, rd, 0, 0, imm20);
    }

    /** {@code branch rs1, rs2, offset}. */
    public static Instruction b(Opcode op, int rs1, int rs2, int offset) {
        return new Instruction(op, 0, rs1, rs2, offset);
    }

    /** {@code jal rd, offset}. */
    public static Instruction jal(int rd, int offset) {
        return new Instruction(Opcode.JAL, rd, 0, 0, offset);
    }

    /** True when the instruction reads {@code rs1}. */
    public boolean readsRs1() {
        return op.format() != Opcode.Format.U && op.format() != Opcode.Format.J;
    }

    /** True when the instruction reads {@code rs2}. */
    public boolean readsRs2() {
        return op.format() == Opcode.Format.R || op.format() == Opcode.Format.B;
    }

    /** True when the instruction writes {@code rd} (writes to x0 are discarded by the machine). */
    public boolean writesRd() {
        return op.format() != Opcode.Format.B;
    }

    private static void checkRegister(int r, String name) {
        if (r < 0 || r >= Registers.COUNT) {
            throw new IllegalArgumentException(name + " out of range: " + r);
        }
    }

    private static void requireZero(int v, String name, Opcode op) {
        if (v != 0) {
            throw new IllegalArgumentException(op.mnemonic() + " does not use " + name + " (got " + v + ")");
        }
    }

    private static void checkRange(int v, int lo, int hi, Opcode op) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(op.mnemonic() + " immediate " + v + " outside " + lo + ".." + hi);
        }
    }

    private static void requireEven(int v, Opcode op) {
        if ((v & 1) != 0) {
            throw new IllegalArgumentException(op.mnemonic() + " offset must be even: " + v);
        }
    }
}
