package dev.handoff.cpu;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The RV32IM instructions the machine runs: the RV32I integer ALU (register and immediate forms), lui/auipc,
 * branches, jal/jalr, and the M extension. {@link #ordinal()} is the opcode code used in pre-decoded programs.
 */
public enum Opcode {
    ADD(Format.R), SUB(Format.R), SLL(Format.R), SLT(Format.R), SLTU(Format.R),
    XOR(Format.R), SRL(Format.R), SRA(Format.R), OR(Format.R), AND(Format.R),
    MUL(Format.R), MULH(Format.R), MULHSU(Format.R), MULHU(Format.R),
    DIV(Format.R), DIVU(Format.R), REM(Format.R), REMU(Format.R),
    ADDI(Format.I), SLTI(Format.I), SLTIU(Format.I), XORI(Format.I), ORI(Format.I), ANDI(Format.I),
    SLLI(Format.SHIFT), SRLI(Format.SHIFT), SRAI(Format.SHIFT),
    LUI(Format.U), AUIPC(Format.U),
    BEQ(Format.B), BNE(Format.B), BLT(Format.B), BGE(Format.B), BLTU(Format.B), BGEU(Format.B),
    JAL(Format.J), JALR(Format.JALR);

    /** Operand shape of an instruction, which fixes its textual form and its immediate range. */
    public enum Format {
        /** {@code op rd, rs1, rs2}. */
        R,
        /** {@code op rd, rs1, imm} with a 12-bit signed immediate. */
        I,
        /** {@code op rd, rs1, shamt} with shamt in 0..31. */
        SHIFT,
        /** {@code op rd, imm20} with a 20-bit unsigned upper immediate. */
        U,
        /** {@code op rs1, rs2, offset} with an even 13-bit signed byte offset. */
        B,
        /** {@code jal rd, offset} with an even 21-bit signed byte offset. */
        J,
        /** {@code jalr rd, offset(rs1)} with a 12-bit signed immediate. */
        JALR
    }

    private static final Opcode[] VALUES = values();
    private static final Map<String, Opcode> BY_MNEMONIC = new HashMap<>();

    static {
        for (Opcode op : VALUES) {
            BY_MNEMONIC.put(op.mnemonic(), op);
        }
    }

    private final Format format;

    Opcode(Format format) {
        this.format = format;
    }

    public Format format() {
        return format;
    }

    /** The assembler mnemonic, e.g. {@code "mulhsu"}. */
    public String mnemonic() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for instructions that can change the pc other than by falling through. */
    public boolean isControlTransfer() {
        return format == Format.B || format == Format.J || format == Format.JALR;
    }

    /** The opcode with this mnemonic, or null. */
    public static Opcode byMnemonic(String mnemonic) {
        return BY_MNEMONIC.get(mnemonic);
    }

    /** The opcode whose {@link #ordinal()} is {@code code}. */
    public static Opcode byCode(int code) {
        return VALUES[code];
    }
}
