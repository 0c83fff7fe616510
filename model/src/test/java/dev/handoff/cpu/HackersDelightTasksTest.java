package dev.handoff.cpu;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HackersDelightTasksTest {
    private final List<HackersDelightTask> tasks = HackersDelightTasks.load(TestData.cpuProgrammingDir());

    @Test
    void loadsNineteenTasksWithTheirArityAndGrammars() {
        assertThat(tasks).hasSize(19);
        assertThat(tasks).extracting(HackersDelightTask::id).contains("hd01", "hd15", "hd20").doesNotContain("hd16");
        HackersDelightTask hd19 = HackersDelightTasks.byId(tasks, "hd19");
        assertThat(hd19.arity()).isEqualTo(3);
        assertThat(hd19.grammar(Difficulty.D0)).contains("bvshl", "k", "m", "x");
        assertThat(HackersDelightTasks.byId(tasks, "hd10").returnsBool()).isTrue();
        assertThat(HackersDelightTasks.byId(tasks, "hd01").reference()).isEqualTo("(bvand x (bvsub x #x00000001))");
    }

    @Test
    void everyFourthRowOfATaskIsHeldOut() {
        for (HackersDelightTask t : tasks) {
            assertThat(t.publicVectors().size()).as(t.id()).isEqualTo(48);
            assertThat(t.heldOutVectors().size()).as(t.id()).isEqualTo(16);
        }
        // hd01's rows start x = 0, 1, 2, 3, ...: row 3 (x = 3, expected 3 & 2 = 2) is the first held-out one.
        HackersDelightTask hd01 = HackersDelightTasks.byId(tasks, "hd01");
        assertThat(hd01.heldOutVectors().a0(0)).isEqualTo(3);
        assertThat(hd01.heldOutVectors().expected(0)).isEqualTo(2);
        assertThat(hd01.publicVectors().a0(2)).isEqualTo(2);
        assertThat(HackersDelightTask.isHeldOut(7)).isTrue();
        assertThat(HackersDelightTask.isHeldOut(8)).isFalse();
    }

    @Test
    void vectorsFollowTheReferenceFormulaOnTheMachine() {
        // hd01's reference (bvand x (bvsub x 1)) written by hand in RV32IM passes all 64 vectors.
        HackersDelightTask hd01 = HackersDelightTasks.byId(tasks, "hd01");
        DecodedProgram p = DecodedProgram.decode(Assembler.assemble("addi t0, a0, -1\nand a0, a0, t0"));
        assertThat(hd01.allVectors().allPass(p, new Machine(), 100)).isTrue();
        // and hd02's vectors are not hd01's function.
        assertThat(HackersDelightTasks.byId(tasks, "hd02").allVectors().allPass(p, new Machine(), 100)).isFalse();
    }

    @Test
    void boolTaskGrammarsGainTheReferenceBitVectorOperators() {
        Grammar g = Grammar.of(HackersDelightTasks.byId(tasks, "hd10"), Difficulty.D0);
        assertThat(g.operators()).containsExactlyInAnyOrder(BvOperator.BVULE, BvOperator.BVAND, BvOperator.BVXOR);
        Grammar hd01 = Grammar.of(HackersDelightTasks.byId(tasks, "hd01"), Difficulty.D0);
        assertThat(hd01.operators()).containsExactlyInAnyOrder(BvOperator.BVAND, BvOperator.BVSUB);
        assertThat(hd01.constants()).containsExactly(1);
        assertThat(hd01.arity()).isEqualTo(1);
    }
}
