package dev.handoff.cpu;

import java.util.List;

/**
 * An RV32IM program: a list of instructions, instruction {@code i} at pc {@code 4 i}. It takes its arguments in
 * a0..a2 and returns in a0; it ends by falling off its last instruction (or by jumping to that address, e.g. {@code ret}).
 */
public record Program(List<Instruction> instructions) {

    public Program {
        instructions = List.copyOf(instructions);
    }

    public static Program of(Instruction... instructions) {
        return new Program(List.of(instructions));
    }

    public int length() {
        return instructions.size();
    }

    public Instruction get(int index) {
        return instructions.get(index);
    }

    /** True when no instruction can transfer control (every instruction runs once, in order). */
    public boolean isStraightLine() {
        for (Instruction ins : instructions) {
            if (ins.op().isControlTransfer()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return Assembler.disassemble(this);
    }
}
