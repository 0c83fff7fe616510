package dev.handoff.cpu;

import java.util.HashMap;
import java.util.Map;

/**
 * A SyGuS bit-vector or Bool operator as RV32IM code: one register-register instruction ({@link #instruction}, with
 * its operands swapped when {@link #swapped}), optionally followed by {@code xori rd, rd, 1} or {@code seqz rd, rd}
 * for the comparisons RV32IM lacks ({@code bvule} = {@code not (b <u a)}, {@code =} = {@code seqz (a ^ b)}). Unary
 * operators read {@code zero} as their first operand ({@code bvneg} = {@code sub rd, zero, a}, {@code bvredor} =
 * {@code snez}), except {@code bvnot} and {@code not}, which are {@code xori rd, a, -1} and {@code xori rd, a, 1}.
 * Bool values are 0/1.
 */
public enum BvOperator {
    BVAND("bvand", 2, Opcode.AND, false, Post.NONE, true),
    BVOR("bvor", 2, Opcode.OR, false, Post.NONE, true),
    BVXOR("bvxor", 2, Opcode.XOR, false, Post.NONE, true),
    BVADD("bvadd", 2, Opcode.ADD, false, Post.NONE, true),
    BVSUB("bvsub", 2, Opcode.SUB, false, Post.NONE, false),
    BVMUL("bvmul", 2, Opcode.MUL, false, Post.NONE, true),
    BVSHL("bvshl", 2, Opcode.SLL, false, Post.NONE, false),
    BVLSHR("bvlshr", 2, Opcode.SRL, false, Post.NONE, false),
    BVASHR("bvashr", 2, Opcode.SRA, false, Post.NONE, false),
    BVUDIV("bvudiv", 2, Opcode.DIVU, false, Post.NONE, false),
    BVUREM("bvurem", 2, Opcode.REMU, false, Post.NONE, false),
    BVSDIV("bvsdiv", 2, Opcode.DIV, false, Post.NONE, false),
    BVSREM("bvsrem", 2, Opcode.REM, false, Post.NONE, false),
    BVNEG("bvneg", 1, Opcode.SUB, false, Post.NONE, false),
    BVNOT("bvnot", 1, Opcode.XORI, false, Post.NONE, false),
    BVULT("bvult", 2, Opcode.SLTU, false, Post.NONE, false),
    BVULE("bvule", 2, Opcode.SLTU, true, Post.FLIP, false),
    BVUGT("bvugt", 2, Opcode.SLTU, true, Post.NONE, false),
    BVUGE("bvuge", 2, Opcode.SLTU, false, Post.FLIP, false),
    BVSLT("bvslt", 2, Opcode.SLT, false, Post.NONE, false),
    BVSLE("bvsle", 2, Opcode.SLT, true, Post.FLIP, false),
    EQ("=", 2, Opcode.XOR, false, Post.SEQZ, true),
    AND("and", 2, Opcode.AND, false, Post.NONE, true),
    OR("or", 2, Opcode.OR, false, Post.NONE, true),
    NOT("not", 1, Opcode.XORI, false, Post.NONE, false),
    BVREDOR("bvredor", 1, Opcode.SLTU, false, Post.NONE, false);

    /** What follows the main instruction. */
    public enum Post {
        NONE, FLIP, SEQZ
    }

    private static final int XOR_CODE = Opcode.XOR.ordinal();
    private static final int SLTU_CODE = Opcode.SLTU.ordinal();
    private static final Map<String, BvOperator> BY_NAME = new HashMap<>();

    static {
        for (BvOperator op : values()) {
            BY_NAME.put(op.smtName, op);
        }
    }

    private final String smtName;
    private final int arity;
    private final Opcode instruction;
    private final boolean swapped;
    private final Post post;
    private final boolean commutative;
    private final int aluCode;

    BvOperator(String smtName, int arity, Opcode instruction, boolean swapped, Post post, boolean commutative) {
        this.smtName = smtName;
        this.arity = arity;
        this.instruction = instruction;
        this.swapped = swapped;
        this.post = post;
        this.commutative = commutative;
        this.aluCode = DecodedProgram.registerForm(instruction).ordinal();
    }

    public String smtName() {
        return smtName;
    }

    public int arity() {
        return arity;
    }

    public Opcode instruction() {
        return instruction;
    }

    public boolean swapped() {
        return swapped;
    }

    public Post post() {
        return post;
    }

    /** True when the operator yields a Bool (0/1). */
    public boolean returnsBool() {
        return switch (this) {
            case BVULT, BVULE, BVUGT, BVUGE, BVSLT, BVSLE, EQ, AND, OR, NOT, BVREDOR -> true;
            default -> false;
        };
    }

    /** True when the operator takes Bool operands ({@code and}, {@code or}, {@code not}). */
    public boolean takesBool() {
        return this == AND || this == OR || this == NOT;
    }

    public boolean commutative() {
        return commutative;
    }

    /** Number of RV32IM instructions the operator takes. */
    public int instructionCount() {
        return post == Post.NONE ? 1 : 2;
    }

    /** The operator with this SyGuS name, or null. */
    public static BvOperator bySmtName(String name) {
        return BY_NAME.get(name);
    }

    /**
     * The value the operator's instructions leave in rd, computed with the machine's own ALU ({@link Machine#alu});
     * {@code b} is ignored by unary operators.
     */
    public int apply(int a, int b) {
        int v;
        if (arity == 1) {
            v = switch (this) {
                case BVNOT -> Machine.alu(XOR_CODE, a, -1);
                case NOT -> Machine.alu(XOR_CODE, a, 1);
                default -> Machine.alu(aluCode, 0, a); // BVNEG: sub rd, zero, a; BVREDOR: sltu rd, zero, a
            };
        } else {
            v = swapped ? Machine.alu(aluCode, b, a) : Machine.alu(aluCode, a, b);
        }
        return switch (post) {
            case NONE -> v;
            case FLIP -> Machine.alu(XOR_CODE, v, 1);
            case SEQZ -> Machine.alu(SLTU_CODE, v, 1);
        };
    }
}
