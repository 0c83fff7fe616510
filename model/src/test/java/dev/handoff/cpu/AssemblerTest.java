package dev.handoff.cpu;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssemblerTest {

    @Property(tries = 500)
    void assemblingTheDisassemblyGivesTheSameProgram(@ForAll("programs") Program p) {
        assertThat(Assembler.assemble(Assembler.disassemble(p))).isEqualTo(p);
    }

    @Property(tries = 300)
    void textToProgramToTextIsStable(@ForAll("programs") Program p) {
        String text = Assembler.disassemble(p);
        assertThat(Assembler.disassemble(Assembler.assemble(text))).isEqualTo(text);
    }

    @Test
    void pseudoInstructionsExpandToTheirCanonicalForms() {
        Program p = Assembler.assemble("""
            nop
            li a0, 5
            mv a1, a0      # copy
            not a2, a1     // complement
            neg a3, a2     ; negate
            li t0, 0x12345678
            seqz t1, t0
            snez t2, t0
            """);
        assertThat(p.instructions()).containsExactly(
            Instruction.i(Opcode.ADDI, 0, 0, 0),
            Instruction.i(Opcode.ADDI, 10, 0, 5),
            Instruction.i(Opcode.ADDI, 11, 10, 0),
            Instruction.i(Opcode.XORI, 12, 11, -1),
            Instruction.r(Opcode.SUB, 13, 0, 12),
            Instruction.u(Opcode.LUI, 5, 0x12345),
            Instruction.i(Opcode.ADDI, 5, 5, 0x678),
            Instruction.i(Opcode.SLTIU, 6, 5, 1),
            Instruction.r(Opcode.SLTU, 7, 0, 5));
    }

    @Test
    void labelsResolveToByteOffsetsFromTheBranch() {
        Program p = Assembler.assemble("top: addi a0, a0, -1\n bnez a0, top\n beq a0, a1, end\n nop\nend:");
        assertThat(p.get(1)).isEqualTo(Instruction.b(Opcode.BNE, 10, 0, -4));
        assertThat(p.get(2)).isEqualTo(Instruction.b(Opcode.BEQ, 10, 11, 8));
    }

    @Test
    void disassemblyUsesAbiNamesLabelsAndPseudoForms() {
        Program p = Assembler.assemble("loop: addi x10, x10, -1\n bne x10, x0, loop\n xori x11, x10, -1\n jalr x0, 0(x1)");
        assertThat(Assembler.disassemble(p)).isEqualTo(
            "L0:\n    addi a0, a0, -1\n    bne a0, zero, L0\n    not a1, a0\n    ret\n");
    }

    @Test
    void errorsNameTheLine() {
        assertThatThrownBy(() -> Assembler.assemble("add a0, a0, a1\nadd a0, a0, a9"))
            .isInstanceOf(AssemblyException.class).hasMessageContaining("line 2").hasMessageContaining("a9");
        assertThatThrownBy(() -> Assembler.assemble("addi a0, a0, 5000"))
            .isInstanceOf(AssemblyException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> Assembler.assemble("j nowhere"))
            .isInstanceOf(AssemblyException.class).hasMessageContaining("nowhere");
        assertThatThrownBy(() -> Assembler.assemble("frob a0"))
            .isInstanceOf(AssemblyException.class).hasMessageContaining("frob");
    }

    @Provide
    Arbitrary<Program> programs() {
        return instructions().list().ofMaxSize(12).map(Program::new);
    }

    private Arbitrary<Instruction> instructions() {
        Arbitrary<Opcode> ops = Arbitraries.of(Opcode.class);
        Arbitrary<Integer> reg = Arbitraries.integers().between(0, 31);
        return ops.flatMap(op -> {
            Arbitrary<Integer> imm = switch (op.format()) {
                case R -> Arbitraries.just(0);
                case I, JALR -> Arbitraries.integers().between(-2048, 2047);
                case SHIFT -> Arbitraries.integers().between(0, 31);
                case U -> Arbitraries.integers().between(0, 0xFFFFF);
                case B -> Arbitraries.oneOf(Arbitraries.integers().between(-6, 12).map(k -> 4 * k),
                    Arbitraries.integers().between(-2048, 2047).map(k -> 2 * k));
                case J -> Arbitraries.oneOf(Arbitraries.integers().between(-6, 12).map(k -> 4 * k),
                    Arbitraries.integers().between(-(1 << 19), (1 << 19) - 1).map(k -> 2 * k));
            };
            return Combinators.combine(reg, reg, reg, imm).as((rd, rs1, rs2, im) -> canonical(op, rd, rs1, rs2, im));
        });
    }

    private static Instruction canonical(Opcode op, int rd, int rs1, int rs2, int imm) {
        return switch (op.format()) {
            case R -> Instruction.r(op, rd, rs1, rs2);
            case I, SHIFT, JALR -> Instruction.i(op, rd, rs1, imm);
            case U -> Instruction.u(op, rd, imm);
            case B -> Instruction.b(op, rs1, rs2, imm);
            case J -> Instruction.jal(rd, imm);
        };
    }

    @Test
    void everyOpcodeRoundTripsThroughText() {
        for (Opcode op : Opcode.values()) {
            Instruction ins = canonical(op, 5, 6, 7, op.format() == Opcode.Format.U ? 0xABCDE : 8);
            Program p = new Program(List.of(ins, Instruction.i(Opcode.ADDI, 0, 0, 0), Instruction.i(Opcode.ADDI, 0, 0, 0)));
            assertThat(Assembler.assemble(Assembler.disassemble(p))).as(op.mnemonic()).isEqualTo(p);
        }
    }
}
