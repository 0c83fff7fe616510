package dev.handoff.cpu;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PeepholeOptimizerTest {
    private final Machine machine = new Machine();

    @Test
    void dropsDeadInstructionsNoOpsAndCopies() {
        Program p = Assembler.assemble("""
                addi t3, a1, 7      # dead: t3 never reaches a0
                mv t0, a0
                addi t0, t0, 0      # no-op
                addi zero, a0, 5    # write to zero
                li t1, 1
                sub t2, t0, t1      # becomes addi t2, a0, -1
                and a0, t0, t2
            """);
        Program q = PeepholeOptimizer.optimize(p);
        assertThat(Assembler.disassemble(q)).isEqualTo("    addi t2, a0, -1\n    and a0, a0, t2\n");
    }

    @Test
    void foldsConstantComputations() {
        Program q = PeepholeOptimizer.optimize(Assembler.assemble("li t0, 3\n slli t1, t0, 4\n add a0, a1, t1"));
        assertThat(Assembler.disassemble(q)).isEqualTo("    addi a0, a1, 48\n");
    }

    @Test
    void keepsEveryHackersDelightVectorPassingOnPaddedSynthesisedPrograms() {
        List<HackersDelightTask> tasks = HackersDelightTasks.load(TestData.cpuProgrammingDir());
        EnumerativeSynthesizer synthesizer = new EnumerativeSynthesizer();
        int checked = 0;
        for (HackersDelightTask task : tasks) {
            SynthesisResult r = synthesizer.synthesize(task, Difficulty.D0, 6, SearchBudget.SMALL);
            if (!r.found()) {
                continue;
            }
            // Pad with no-ops, dead writes and copies, then optimise: every vector must still pass.
            List<Instruction> padded = new ArrayList<>();
            for (Instruction ins : r.program().instructions()) {
                padded.add(Instruction.i(Opcode.ADDI, 0, 0, 0));
                padded.add(Instruction.i(Opcode.ADDI, 31, 11, 3));
                padded.add(ins);
                padded.add(Instruction.i(Opcode.ADDI, ins.rd(), ins.rd(), 0));
            }
            Program q = PeepholeOptimizer.optimize(new Program(padded));
            assertThat(task.allVectors().allPass(DecodedProgram.decode(q), machine, 1000)).as(task.id()).isTrue();
            assertThat(q.length()).as(task.id()).isLessThanOrEqualTo(r.program().length());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(15);
    }

    @Test
    void removesNoOpsFromLoopsAndRenumbersBranches() {
        Program p = Assembler.assemble("""
                li t0, 0
            loop:
                nop
                beqz a0, done
                andi t1, a0, 1
                add t0, t0, t1
                addi t1, t1, 0
                srli a0, a0, 1
                j loop
            done:
                mv a0, t0
                nop
            """);
        Program q = PeepholeOptimizer.optimize(p);
        assertThat(q.length()).isEqualTo(p.length() - 3);
        DecodedProgram dq = DecodedProgram.decode(q);
        for (int x : new int[] {0, 5, -1, 0x70F0}) {
            assertThat(machine.run(dq, x, 0, 0)).isEqualTo(Integer.bitCount(x));
        }
    }

    @Test
    void aCopyIsForgottenWhenItsSourceIsOverwritten() {
        Program p = Assembler.assemble("mv t0, a1\n addi a1, a1, 5\n add a0, t0, a1");
        Program q = PeepholeOptimizer.optimize(p);
        assertThat(machine.run(DecodedProgram.decode(q), 0, 10, 0)).isEqualTo(25);
    }

    @Property(tries = 1000)
    void optimisedStraightLineProgramsComputeTheSameA0(@ForAll("straightLine") Program p,
                                                       @ForAll int x, @ForAll int y, @ForAll int z) {
        Program q = PeepholeOptimizer.optimize(p);
        int expected = machine.run(DecodedProgram.decode(p), x, y, z);
        assertThat(machine.run(DecodedProgram.decode(q), x, y, z)).isEqualTo(expected);
        assertThat(q.length()).isLessThanOrEqualTo(p.length());
    }

    @Provide
    Arbitrary<Program> straightLine() {
        Arbitrary<Integer> reg = Arbitraries.of(0, 5, 6, 10, 11, 12);
        Arbitrary<Opcode> anyAlu = Arbitraries.of(Opcode.values()).filter(o -> !o.isControlTransfer() && o != Opcode.AUIPC);
        // Copies (addi rd, rs, 0) and constants are what the optimiser propagates: make them common.
        Arbitrary<Opcode> op = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, anyAlu), net.jqwik.api.Tuple.of(2, Arbitraries.just(Opcode.ADDI)));
        Arbitrary<Integer> imm = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.of(0, -1, 1, 31)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-2048, 2047)));
        Arbitrary<Instruction> ins = Combinators.combine(op, reg, reg, reg, imm).as((o, rd, a, b, i) -> switch (o.format()) {
            case R -> Instruction.r(o, rd, a, b);
            case I -> Instruction.i(o, rd, a, i);
            case SHIFT -> Instruction.i(o, rd, a, i & 31);
            default -> Instruction.u(o, rd, i & 0xFFFFF);
        });
        return ins.list().ofMaxSize(10).map(Program::new);
    }
}
