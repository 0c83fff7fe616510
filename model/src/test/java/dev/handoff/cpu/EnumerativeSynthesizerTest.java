package dev.handoff.cpu;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EnumerativeSynthesizerTest {
    private static final Logger LOG = LoggerFactory.getLogger(EnumerativeSynthesizerTest.class);
    private final List<HackersDelightTask> tasks = HackersDelightTasks.load(TestData.cpuProgrammingDir());
    private final EnumerativeSynthesizer synthesizer = new EnumerativeSynthesizer();

    /**
     * Budget: {@link SearchBudget#TINY} (1,000 candidates), length 4. Measured on the 2-core dev machine: hd01..hd05 need
     * 8, 12, 3, 23 and 8 candidates, 0.1-0.2 ms each (the first search of a JVM about 50 ms, class loading included).
     */
    @Test
    void findsHd01ToHd05AtGrammarD0WithinTheTinyBudgetAndTheProgramsPassEveryVector() {
        Machine machine = new Machine();
        for (String id : List.of("hd01", "hd02", "hd03", "hd04", "hd05")) {
            HackersDelightTask task = HackersDelightTasks.byId(tasks, id);
            SynthesisResult r = synthesizer.synthesize(task, Difficulty.D0, 4, SearchBudget.TINY);
            LOG.info("{} d0: {} candidates, {} instructions, {} ms", id, r.candidatesTried(), r.instructionsExecuted(),
                r.elapsedNanos() / 1e6);
            assertThat(r.found()).as(id).isTrue();
            assertThat(r.candidatesTried()).as(id).isLessThanOrEqualTo(SearchBudget.TINY.maxCandidates());
            assertThat(r.program().length()).as(id).isLessThanOrEqualTo(4);
            DecodedProgram p = DecodedProgram.decode(r.program());
            assertThat(task.publicVectors().allPass(p, machine, 100)).as(id + " public").isTrue();
            assertThat(task.heldOutVectors().allPass(p, machine, 100)).as(id + " held-out").isTrue();
            assertThat(r.instructionsExecuted()).isGreaterThanOrEqualTo(r.candidatesTried() * 48);
        }
    }

    @Test
    void boolTasksHd10ToHd12AreFoundAtD0AndPassEveryVector() {
        Machine machine = new Machine();
        for (String id : List.of("hd10", "hd11", "hd12")) {
            HackersDelightTask task = HackersDelightTasks.byId(tasks, id);
            SynthesisResult r = synthesizer.synthesize(task, Difficulty.D0, 4, SearchBudget.TINY);
            assertThat(r.found()).as(id).isTrue();
            assertThat(task.allVectors().allPass(DecodedProgram.decode(r.program()), machine, 100)).as(id).isTrue();
        }
    }

    @Test
    void stopsAtTheCandidateBudget() {
        HackersDelightTask hd19 = HackersDelightTasks.byId(tasks, "hd19");
        SynthesisResult r = synthesizer.synthesize(hd19, Difficulty.D0, 8, SearchBudget.TINY);
        assertThat(r.found()).isFalse();
        assertThat(r.budgetExhausted()).isTrue();
        assertThat(r.candidatesTried()).isEqualTo(SearchBudget.TINY.maxCandidates());
    }

    @Test
    void stopsAtTheLengthBoundWithoutExhaustingTheBudget() {
        HackersDelightTask hd17 = HackersDelightTasks.byId(tasks, "hd17");
        SynthesisResult r = synthesizer.synthesize(hd17, Difficulty.D0, 3, SearchBudget.MEDIUM);
        assertThat(r.found()).isFalse();
        assertThat(r.budgetExhausted()).isFalse();
        assertThat(r.candidatesTried()).isPositive().isLessThan(SearchBudget.MEDIUM.maxCandidates());
    }

    @Test
    void aMatchOnThePublicVectorsThatFailsTheHeldOutOnesIsRejectedAndTheSearchGoesOn() {
        // Public rows x = 0, 2, 4 are satisfied by x itself; the held-out row x = 3 -> 2 needs x with bit 0 cleared.
        IoVectors pub = new IoVectors(new int[] {0, 2, 4}, new int[3], new int[3], new int[] {0, 2, 4});
        IoVectors held = new IoVectors(new int[] {3}, new int[1], new int[1], new int[] {2});
        IoVectors all = pub.concat(held);
        Grammar g = new Grammar(List.of(BvOperator.BVAND, BvOperator.BVXOR), new int[] {1}, 1);
        SynthesisResult r = synthesizer.synthesize(g, false, pub, all, 3, 1000);
        assertThat(r.rejectedByHeldOut()).isGreaterThanOrEqualTo(1);
        assertThat(r.found()).isTrue();
        assertThat(all.allPass(DecodedProgram.decode(r.program()), new Machine(), 100)).isTrue();
    }

    @Test
    void searchIsDeterministic() {
        HackersDelightTask hd14 = HackersDelightTasks.byId(tasks, "hd14");
        SynthesisResult a = synthesizer.synthesize(hd14, Difficulty.D0, 4, SearchBudget.MEDIUM);
        SynthesisResult b = new EnumerativeSynthesizer().synthesize(hd14, Difficulty.D0, 4, SearchBudget.MEDIUM);
        assertThat(a.found()).isTrue();
        assertThat(b.program()).isEqualTo(a.program());
        assertThat(b.candidatesTried()).isEqualTo(a.candidatesTried());
    }
}
