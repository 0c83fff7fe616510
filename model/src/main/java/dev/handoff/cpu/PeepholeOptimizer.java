package dev.handoff.cpu;

import java.util.ArrayList;
import java.util.List;

/**
 * A peephole optimiser that keeps a program's a0 result on every input. On straight-line programs it propagates
 * copies and known constants (turning register operands into immediates and folding constant ALU results that fit
 * an {@code li}), drops no-op instructions ({@code addi x, x, 0}, {@code or x, x, zero}, writes to {@code zero}, ...)
 * and removes dead instructions (results that never reach a0), until nothing changes. Programs with branches or jal
 * only lose their no-op instructions, with branch offsets renumbered; programs with jalr (other than {@code ret}) or
 * auipc, or a branch outside the program, are returned unchanged.
 */
public final class PeepholeOptimizer {
    private PeepholeOptimizer() {
    }

    public static Program optimize(Program program) {
        if (program.isStraightLine()) {
            List<Instruction> code = new ArrayList<>(program.instructions());
            while (true) {
                List<Instruction> next = deadCodeRemoved(noOpsRemoved(propagated(code)));
                if (next.equals(code)) {
                    return new Program(code);
                }
                code = next;
            }
        }
        return withoutNoOpsKeepingBranches(program);
    }

    /** True when executing {@code ins} changes nothing (it is not a control transfer). */
    static boolean isNoOp(Instruction ins) {
        Opcode op = ins.op();
        if (op.isControlTransfer()) {
            return false;
        }
        if (ins.rd() == Registers.ZERO) {
            return true;
        }
        boolean self = ins.rd() == ins.rs1();
        return switch (op) {
            case ADDI, ORI, XORI, SLLI, SRLI, SRAI -> self && ins.imm() == 0;
            case ANDI -> self && ins.imm() == -1;
            case ADD, OR, XOR, SUB, SLL, SRL, SRA -> self && ins.rs2() == Registers.ZERO;
            case AND -> self && ins.rs2() == ins.rs1();
            default -> false;
        };
    }

    private static List<Instruction> noOpsRemoved(List<Instruction> code) {
        List<Instruction> out = new ArrayList<>(code.size());
        for (Instruction ins : code) {
            if (!isNoOp(ins)) {
                out.add(ins);
            }
        }
        return out;
    }

    /** Forward pass: replace copies by their sources and known-constant operands by immediates. */
    private static List<Instruction> propagated(List<Instruction> code) {
        int[] copyOf = new int[Registers.COUNT];
        boolean[] known = new boolean[Registers.COUNT];
        int[] value = new int[Registers.COUNT];
        for (int r = 0; r < Registers.COUNT; r++) {
            copyOf[r] = r;
        }
        known[Registers.ZERO] = true;
        List<Instruction> out = new ArrayList<>(code.size());
        for (Instruction ins : code) {
            Opcode op = ins.op();
            int rs1 = ins.readsRs1() ? copyOf[ins.rs1()] : ins.rs1();
            int rs2 = ins.readsRs2() ? copyOf[ins.rs2()] : ins.rs2();
            Instruction rewritten = new Instruction(op, ins.rd(), rs1, rs2, ins.imm());
            Integer constant = null;
            if (op.format() == Opcode.Format.R) {
                if (known[rs1] && known[rs2]) {
                    constant = Machine.alu(op, value[rs1], value[rs2]);
                } else if (known[rs2]) {
                    Instruction imm = immediateForm(op, ins.rd(), rs1, value[rs2]);
                    if (imm != null) {
                        rewritten = imm;
                    }
                }
            } else if (op.format() == Opcode.Format.I || op.format() == Opcode.Format.SHIFT) {
                if (known[rs1]) {
                    constant = Machine.alu(op, value[rs1], ins.imm());
                }
            } else if (op == Opcode.LUI) {
                constant = ins.imm() << 12;
            }
            if (constant != null && constant >= -2048 && constant <= 2047) {
                rewritten = Instruction.i(Opcode.ADDI, ins.rd(), Registers.ZERO, constant);
            }
            out.add(rewritten);
            int rd = ins.rd();
            if (rd == Registers.ZERO) {
                continue;
            }
            // rd is overwritten: forget what it held and every copy of it.
            for (int r = 0; r < Registers.COUNT; r++) {
                if (copyOf[r] == rd) {
                    copyOf[r] = r;
                }
            }
            copyOf[rd] = rd;
            known[rd] = constant != null;
            value[rd] = constant == null ? 0 : constant;
            if (rewritten.op() == Opcode.ADDI && rewritten.imm() == 0 && rewritten.rs1() != rd && !known[rd]) {
                copyOf[rd] = rewritten.rs1();
            }
        }
        return out;
    }

    private static Instruction immediateForm(Opcode op, int rd, int rs1, int c) {
        boolean fits = c >= -2048 && c <= 2047;
        return switch (op) {
            case ADD -> fits ? Instruction.i(Opcode.ADDI, rd, rs1, c) : null;
            case SUB -> c != Integer.MIN_VALUE && -c >= -2048 && -c <= 2047 ? Instruction.i(Opcode.ADDI, rd, rs1, -c) : null;
            case AND -> fits ? Instruction.i(Opcode.ANDI, rd, rs1, c) : null;
            case OR -> fits ? Instruction.i(Opcode.ORI, rd, rs1, c) : null;
            case XOR -> fits ? Instruction.i(Opcode.XORI, rd, rs1, c) : null;
            case SLT -> fits ? Instruction.i(Opcode.SLTI, rd, rs1, c) : null;
            case SLTU -> fits ? Instruction.i(Opcode.SLTIU, rd, rs1, c) : null;
            case SLL -> Instruction.i(Opcode.SLLI, rd, rs1, c & 31);
            case SRL -> Instruction.i(Opcode.SRLI, rd, rs1, c & 31);
            case SRA -> Instruction.i(Opcode.SRAI, rd, rs1, c & 31);
            default -> null;
        };
    }

    /** Backward pass: drop instructions whose result never reaches a0. */
    private static List<Instruction> deadCodeRemoved(List<Instruction> code) {
        boolean[] live = new boolean[Registers.COUNT];
        live[Registers.A0] = true;
        boolean[] keep = new boolean[code.size()];
        for (int i = code.size() - 1; i >= 0; i--) {
            Instruction ins = code.get(i);
            if (ins.rd() == Registers.ZERO || !live[ins.rd()]) {
                continue;
            }
            keep[i] = true;
            live[ins.rd()] = false;
            if (ins.readsRs1()) {
                live[ins.rs1()] = true;
            }
            if (ins.readsRs2()) {
                live[ins.rs2()] = true;
            }
        }
        List<Instruction> out = new ArrayList<>();
        for (int i = 0; i < code.size(); i++) {
            if (keep[i]) {
                out.add(code.get(i));
            }
        }
        return out;
    }

    private static Program withoutNoOpsKeepingBranches(Program program) {
        int n = program.length();
        for (int i = 0; i < n; i++) {
            Instruction ins = program.get(i);
            if (ins.op() == Opcode.AUIPC || ins.op() == Opcode.JALR
                && !(ins.rd() == Registers.ZERO && ins.rs1() == Registers.RA && ins.imm() == 0)) {
                return program;
            }
            if (ins.op().format() == Opcode.Format.B || ins.op() == Opcode.JAL) {
                int pc = 4 * i + ins.imm();
                if (pc < 0 || pc % 4 != 0 || pc / 4 > n) {
                    return program;
                }
            }
        }
        int[] newIndex = new int[n + 1];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            newIndex[i] = kept;
            if (!isNoOp(program.get(i))) {
                kept++;
            }
        }
        newIndex[n] = kept;
        List<Instruction> out = new ArrayList<>(kept);
        for (int i = 0; i < n; i++) {
            Instruction ins = program.get(i);
            if (isNoOp(ins)) {
                continue;
            }
            if (ins.op().format() == Opcode.Format.B || ins.op() == Opcode.JAL) {
                int target = newIndex[(4 * i + ins.imm()) / 4];
                ins = new Instruction(ins.op(), ins.rd(), ins.rs1(), ins.rs2(), 4 * (target - newIndex[i]));
            }
            out.add(ins);
        }
        return new Program(out);
    }
}
