package dev.handoff.cpu;

/**
 * A {@link Program} pre-decoded into primitive arrays for the machine's hot loop: per instruction a kind, an ALU code
 * (the register-register opcode an immediate form computes), register numbers, an operand immediate (already
 * sign-extended or shifted) and, for jumps and branches, the target instruction index (-1 when the target is not an
 * instruction boundary inside the program or its end).
 */
public final class DecodedProgram {
    static final byte KIND_ALU_RR = 0;
    static final byte KIND_ALU_RI = 1;
    static final byte KIND_CONST = 2;
    static final byte KIND_BEQ = 3;
    static final byte KIND_BNE = 4;
    static final byte KIND_BLT = 5;
    static final byte KIND_BGE = 6;
    static final byte KIND_BLTU = 7;
    static final byte KIND_BGEU = 8;
    static final byte KIND_JAL = 9;
    static final byte KIND_JALR = 10;

    final int length;
    final byte[] kind;
    final int[] alu;
    final int[] rd;
    final int[] rs1;
    final int[] rs2;
    final int[] imm;
    final int[] target;

    private final Program source;

    private DecodedProgram(Program program) {
        this.source = program;
        this.length = program.length();
        this.kind = new byte[length];
        this.alu = new int[length];
        this.rd = new int[length];
        this.rs1 = new int[length];
        this.rs2 = new int[length];
        this.imm = new int[length];
        this.target = new int[length];
        for (int i = 0; i < length; i++) {
            decode(i, program.get(i));
        }
    }

    /** Decodes {@code program} once; the result can be run any number of times. */
    public static DecodedProgram decode(Program program) {
        return new DecodedProgram(program);
    }

    public Program source() {
        return source;
    }

    public int length() {
        return length;
    }

    private void decode(int i, Instruction ins) {
        rd[i] = ins.rd();
        rs1[i] = ins.rs1();
        rs2[i] = ins.rs2();
        imm[i] = ins.imm();
        target[i] = -1;
        Opcode op = ins.op();
        switch (op.format()) {
            case R -> {
                kind[i] = KIND_ALU_RR;
                alu[i] = op.ordinal();
            }
            case I, SHIFT -> {
                kind[i] = KIND_ALU_RI;
                alu[i] = registerForm(op).ordinal();
            }
            case U -> {
                kind[i] = KIND_CONST;
                int upper = ins.imm() << 12;
                imm[i] = op == Opcode.LUI ? upper : 4 * i + upper;
            }
            case B -> {
                kind[i] = (byte) (KIND_BEQ + (op.ordinal() - Opcode.BEQ.ordinal()));
                target[i] = targetIndex(4 * i + ins.imm());
            }
            case J -> {
                kind[i] = KIND_JAL;
                target[i] = targetIndex(4 * i + ins.imm());
            }
            case JALR -> kind[i] = KIND_JALR;
            default -> throw new IllegalStateException("unknown format " + op.format());
        }
    }

    private int targetIndex(int pc) {
        if (pc < 0 || (pc & 3) != 0 || pc / 4 > length) {
            return -1;
        }
        return pc / 4;
    }

    /** The register-register opcode whose ALU function an immediate-form opcode applies. */
    static Opcode registerForm(Opcode op) {
        return switch (op) {
            case ADDI -> Opcode.ADD;
            case SLTI -> Opcode.SLT;
            case SLTIU -> Opcode.SLTU;
            case XORI -> Opcode.XOR;
            case ORI -> Opcode.OR;
            case ANDI -> Opcode.AND;
            case SLLI -> Opcode.SLL;
            case SRLI -> Opcode.SRL;
            case SRAI -> Opcode.SRA;
            default -> op;
        };
    }
}
