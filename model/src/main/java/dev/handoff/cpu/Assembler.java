package dev.handoff.cpu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Textual RV32IM assembly ⇄ {@link Program}. Accepts every {@link Opcode} in its standard form, labels
 * ({@code loop:}) or numeric byte offsets as branch and jump targets, comments ({@code #}, {@code //}, {@code ;})
 * and the pseudo-instructions {@code nop li mv not neg seqz snez sltz sgtz beqz bnez blez bgez bltz bgtz bgt ble
 * bgtu bleu j jr ret} ({@code li} of a constant outside 12 bits becomes {@code lui}+{@code addi}).
 * {@link #disassemble} writes the canonical text, so {@code assemble(disassemble(p))} equals {@code p}.
 */
public final class Assembler {

    private Assembler() {
    }

    /** Assembles {@code text}; throws {@link AssemblyException} naming the line of the first problem. */
    public static Program assemble(String text) {
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> labels = new HashMap<>();
        String[] raw = text.split("\\R", -1);
        int index = 0;
        for (int n = 0; n < raw.length; n++) {
            int lineNo = n + 1;
            String s = stripComment(raw[n]).trim();
            while (true) {
                int colon = s.indexOf(':');
                if (colon < 0) {
                    break;
                }
                String label = s.substring(0, colon).trim();
                if (!isLabelName(label)) {
                    throw new AssemblyException(lineNo, "bad label '" + label + "'");
                }
                if (labels.putIfAbsent(label, index) != null) {
                    throw new AssemblyException(lineNo, "label '" + label + "' defined twice");
                }
                s = s.substring(colon + 1).trim();
            }
            if (s.isEmpty()) {
                continue;
            }
            String[] head = s.split("\\s+", 2);
            String mnemonic = head[0].toLowerCase(Locale.ROOT);
            String[] operands = head.length < 2 ? new String[0] : splitOperands(head[1]);
            Line line = new Line(lineNo, mnemonic, operands, index);
            lines.add(line);
            index += line.size();
        }
        List<Instruction> out = new ArrayList<>(index);
        for (Line line : lines) {
            try {
                emit(line, labels, out);
            } catch (AssemblyException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new AssemblyException(line.lineNo, e.getMessage());
            }
        }
        return new Program(out);
    }

    /** Canonical text of {@code program}: one instruction per line, labels {@code L<index>} for in-range targets. */
    public static String disassemble(Program program) {
        int n = program.length();
        TreeSet<Integer> targets = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            int t = branchTarget(program.get(i), i, n);
            if (t >= 0) {
                targets.add(t);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= n; i++) {
            if (targets.contains(i)) {
                sb.append('L').append(i).append(":\n");
            }
            if (i < n) {
                sb.append("    ").append(format(program.get(i), i, n)).append('\n');
            }
        }
        return sb.toString();
    }

    /** Canonical text of one instruction at index {@code index} in a program of {@code n} instructions. */
    public static String format(Instruction ins, int index, int n) {
        Opcode op = ins.op();
        String rd = Registers.abiName(ins.rd());
        String rs1 = Registers.abiName(ins.rs1());
        String rs2 = Registers.abiName(ins.rs2());
        int imm = ins.imm();
        if (op == Opcode.ADDI) {
            if (ins.rd() == 0 && ins.rs1() == 0 && imm == 0) {
                return "nop";
            }
            if (ins.rs1() == 0) {
                return "li " + rd + ", " + imm;
            }
            if (imm == 0) {
                return "mv " + rd + ", " + rs1;
            }
        }
        if (op == Opcode.XORI && imm == -1) {
            return "not " + rd + ", " + rs1;
        }
        if (op == Opcode.SUB && ins.rs1() == 0) {
            return "neg " + rd + ", " + rs2;
        }
        if (op == Opcode.JALR && ins.rd() == 0 && ins.rs1() == Registers.RA && imm == 0) {
            return "ret";
        }
        return switch (op.format()) {
            case R -> op.mnemonic() + " " + rd + ", " + rs1 + ", " + rs2;
            case I, SHIFT -> op.mnemonic() + " " + rd + ", " + rs1 + ", " + imm;
            case U -> op.mnemonic() + " " + rd + ", 0x" + Integer.toHexString(imm);
            case B -> op.mnemonic() + " " + rs1 + ", " + rs2 + ", " + targetText(ins, index, n);
            case J -> ins.rd() == 0 ? "j " + targetText(ins, index, n) : "jal " + rd + ", " + targetText(ins, index, n);
            case JALR -> "jalr " + rd + ", " + imm + "(" + rs1 + ")";
        };
    }

    private static String targetText(Instruction ins, int index, int n) {
        int t = branchTarget(ins, index, n);
        return t >= 0 ? "L" + t : Integer.toString(ins.imm());
    }

    /** Target instruction index of a branch or jal when it lands on an instruction or the end; else -1. */
    private static int branchTarget(Instruction ins, int index, int n) {
        Opcode.Format f = ins.op().format();
        if (f != Opcode.Format.B && f != Opcode.Format.J) {
            return -1;
        }
        int pc = 4 * index + ins.imm();
        return pc >= 0 && (pc & 3) == 0 && pc / 4 <= n ? pc / 4 : -1;
    }

    private static String stripComment(String s) {
        int cut = s.length();
        for (String marker : new String[] {"#", "//", ";"}) {
            int at = s.indexOf(marker);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return s.substring(0, cut);
    }

    private static boolean isLabelName(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_' || s.charAt(0) == '.')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static String[] splitOperands(String s) {
        String[] parts = s.trim().split("\\s*,\\s*|\\s+");
        return parts.length == 1 && parts[0].isEmpty() ? new String[0] : parts;
    }

    /** One source line holding an instruction or pseudo-instruction, placed at instruction {@code index}. */
    private record Line(int lineNo, String mnemonic, String[] operands, int index) {
        int size() {
            if (mnemonic.equals("li") && operands.length == 2) {
                Long v = parseNumber(operands[1]);
                if (v != null) {
                    return liParts((int) (long) v).length;
                }
            }
            return 1;
        }
    }

    private static void emit(Line line, Map<String, Integer> labels, List<Instruction> out) {
        String m = line.mnemonic;
        String[] o = line.operands;
        int at = line.index;
        Opcode op = Opcode.byMnemonic(m);
        if (op != null) {
            switch (op.format()) {
                case R -> {
                    arity(line, 3);
                    out.add(Instruction.r(op, reg(line, 0), reg(line, 1), reg(line, 2)));
                }
                case I, SHIFT -> {
                    arity(line, 3);
                    out.add(Instruction.i(op, reg(line, 0), reg(line, 1), imm(line, 2)));
                }
                case U -> {
                    arity(line, 2);
                    out.add(Instruction.u(op, reg(line, 0), imm(line, 1)));
                }
                case B -> {
                    arity(line, 3);
                    out.add(Instruction.b(op, reg(line, 0), reg(line, 1), offset(line, 2, labels, at)));
                }
                case J -> {
                    if (o.length == 1) {
                        out.add(Instruction.jal(Registers.RA, offset(line, 0, labels, at)));
                    } else {
                        arity(line, 2);
                        out.add(Instruction.jal(reg(line, 0), offset(line, 1, labels, at)));
                    }
                }
                case JALR -> out.add(jalr(line));
            }
            return;
        }
        switch (m) {
            case "nop" -> {
                arity(line, 0);
                out.add(Instruction.i(Opcode.ADDI, 0, 0, 0));
            }
            case "li" -> {
                arity(line, 2);
                int rd = reg(line, 0);
                Long v = parseNumber(o[1]);
                if (v == null || v < Integer.MIN_VALUE || v > 0xFFFFFFFFL) {
                    throw new AssemblyException(line.lineNo, "li needs a 32-bit constant, got '" + o[1] + "'");
                }
                for (int[] part : liParts((int) (long) v)) {
                    out.add(part[0] == 0
                        ? Instruction.u(Opcode.LUI, rd, part[1])
                        : Instruction.i(Opcode.ADDI, rd, part[0] == 1 ? 0 : rd, part[1]));
                }
            }
            case "mv" -> unary(line, out, Opcode.ADDI, 0);
            case "not" -> unary(line, out, Opcode.XORI, -1);
            case "neg" -> {
                arity(line, 2);
                out.add(Instruction.r(Opcode.SUB, reg(line, 0), 0, reg(line, 1)));
            }
            case "seqz" -> unary(line, out, Opcode.SLTIU, 1);
            case "snez" -> {
                arity(line, 2);
                out.add(Instruction.r(Opcode.SLTU, reg(line, 0), 0, reg(line, 1)));
            }
            case "sltz" -> {
                arity(line, 2);
                out.add(Instruction.r(Opcode.SLT, reg(line, 0), reg(line, 1), 0));
            }
            case "sgtz" -> {
                arity(line, 2);
                out.add(Instruction.r(Opcode.SLT, reg(line, 0), 0, reg(line, 1)));
            }
            case "beqz" -> branchZero(line, labels, out, Opcode.BEQ, false);
            case "bnez" -> branchZero(line, labels, out, Opcode.BNE, false);
            case "bltz" -> branchZero(line, labels, out, Opcode.BLT, false);
            case "bgez" -> branchZero(line, labels, out, Opcode.BGE, false);
            case "blez" -> branchZero(line, labels, out, Opcode.BGE, true);
            case "bgtz" -> branchZero(line, labels, out, Opcode.BLT, true);
            case "bgt" -> swappedBranch(line, labels, out, Opcode.BLT);
            case "ble" -> swappedBranch(line, labels, out, Opcode.BGE);
            case "bgtu" -> swappedBranch(line, labels, out, Opcode.BLTU);
            case "bleu" -> swappedBranch(line, labels, out, Opcode.BGEU);
            case "j" -> {
                arity(line, 1);
                out.add(Instruction.jal(0, offset(line, 0, labels, at)));
            }
            case "jr" -> {
                arity(line, 1);
                out.add(Instruction.i(Opcode.JALR, 0, reg(line, 0), 0));
            }
            case "ret" -> {
                arity(line, 0);
                out.add(Instruction.i(Opcode.JALR, 0, Registers.RA, 0));
            }
            default -> throw new AssemblyException(line.lineNo, "unknown instruction '" + m + "'");
        }
    }

    /**
     * The instructions {@code li} expands to, as {kind, value}: kind 0 = {@code lui rd, value}, 1 = {@code addi rd,
     * zero, value}, 2 = {@code addi rd, rd, value}.
     */
    private static int[][] liParts(int v) {
        if (v >= -2048 && v <= 2047) {
            return new int[][] {{1, v}};
        }
        int lo = (v << 20) >> 20;
        int hi = ((v - lo) >>> 12) & 0xFFFFF;
        return lo == 0 ? new int[][] {{0, hi}} : new int[][] {{0, hi}, {2, lo}};
    }

    private static Instruction jalr(Line line) {
        String[] o = line.operands;
        if (o.length == 1) {
            return Instruction.i(Opcode.JALR, Registers.RA, reg(line, 0), 0);
        }
        if (o.length == 2) {
            String a = o[1];
            int open = a.indexOf('(');
            if (open < 0 || !a.endsWith(")")) {
                throw new AssemblyException(line.lineNo, "jalr expects 'rd, imm(rs1)', got '" + a + "'");
            }
            int base = Registers.parse(a.substring(open + 1, a.length() - 1).trim());
            if (base < 0) {
                throw new AssemblyException(line.lineNo, "unknown register in '" + a + "'");
            }
            String immText = a.substring(0, open).trim();
            int imm = immText.isEmpty() ? 0 : number(line, immText);
            return Instruction.i(Opcode.JALR, reg(line, 0), base, imm);
        }
        arity(line, 3);
        return Instruction.i(Opcode.JALR, reg(line, 0), reg(line, 1), imm(line, 2));
    }

    private static void unary(Line line, List<Instruction> out, Opcode op, int imm) {
        arity(line, 2);
        out.add(Instruction.i(op, reg(line, 0), reg(line, 1), imm));
    }

    private static void branchZero(Line line, Map<String, Integer> labels, List<Instruction> out, Opcode op,
                                   boolean zeroFirst) {
        arity(line, 2);
        int rs = reg(line, 0);
        int off = offset(line, 1, labels, line.index);
        out.add(zeroFirst ? Instruction.b(op, 0, rs, off) : Instruction.b(op, rs, 0, off));
    }

    private static void swappedBranch(Line line, Map<String, Integer> labels, List<Instruction> out, Opcode op) {
        arity(line, 3);
        out.add(Instruction.b(op, reg(line, 1), reg(line, 0), offset(line, 2, labels, line.index)));
    }

    private static void arity(Line line, int n) {
        if (line.operands.length != n) {
            throw new AssemblyException(line.lineNo,
                line.mnemonic + " takes " + n + " operand(s), got " + line.operands.length);
        }
    }

    private static int reg(Line line, int k) {
        int r = Registers.parse(line.operands[k].toLowerCase(Locale.ROOT));
        if (r < 0) {
            throw new AssemblyException(line.lineNo, "unknown register '" + line.operands[k] + "'");
        }
        return r;
    }

    private static int imm(Line line, int k) {
        return number(line, line.operands[k]);
    }

    private static int number(Line line, String text) {
        Long v = parseNumber(text);
        if (v == null || v < Integer.MIN_VALUE || v > 0xFFFFFFFFL) {
            throw new AssemblyException(line.lineNo, "bad number '" + text + "'");
        }
        return (int) (long) v;
    }

    private static int offset(Line line, int k, Map<String, Integer> labels, int at) {
        String t = line.operands[k];
        Integer target = labels.get(t);
        if (target != null) {
            return 4 * (target - at);
        }
        Long v = parseNumber(t);
        if (v == null) {
            throw new AssemblyException(line.lineNo, "unknown label '" + t + "'");
        }
        return (int) (long) v;
    }

    /** Decimal or 0x-hex, optionally negative; null when {@code text} is not a number. */
    static Long parseNumber(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        try {
            long v = s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
            if (s.startsWith("0x") && s.length() > 10 || v > 0xFFFFFFFFL) {
                return null;
            }
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
