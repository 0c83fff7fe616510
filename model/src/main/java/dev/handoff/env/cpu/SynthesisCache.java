package dev.handoff.env.cpu;

import dev.handoff.cpu.DecodedProgram;
import dev.handoff.cpu.Difficulty;
import dev.handoff.cpu.EnumerativeSynthesizer;
import dev.handoff.cpu.Grammar;
import dev.handoff.cpu.HackersDelightTask;
import dev.handoff.cpu.PeepholeOptimizer;
import dev.handoff.cpu.SearchBudget;
import dev.handoff.cpu.SynthesisResult;

import java.util.List;

/**
 * The coder's searches, memoised. The synthesiser is deterministic, so a search with the same task, grammar, length
 * bound and budget always gives the same program and the same work; the environment charges that work every time the
 * coder runs and only skips recomputing it. Searches see the public vectors only. Thread-safe.
 */
final class SynthesisCache {
    /** One search's outcome: the raw program (null when none was found), it decoded, and its peephole-optimised form. */
    record Entry(SynthesisResult result, DecodedProgram raw, DecodedProgram optimized) {
    }

    private static final int DIFFICULTIES = Difficulty.values().length;
    private static final int BUDGETS = SearchBudget.values().length;

    private final List<HackersDelightTask> tasks;
    private final Entry[] entries;

    SynthesisCache(List<HackersDelightTask> tasks) {
        this.tasks = List.copyOf(tasks);
        this.entries = new Entry[tasks.size() * DIFFICULTIES * (CpuRole.MAX_LENGTH + 1) * BUDGETS];
    }

    List<HackersDelightTask> tasks() {
        return tasks;
    }

    synchronized Entry get(int task, Difficulty difficulty, int length, SearchBudget budget) {
        // values().length would clone the enum arrays on every call: the counts are constants.
        int slot = ((task * DIFFICULTIES + difficulty.ordinal()) * (CpuRole.MAX_LENGTH + 1) + length) * BUDGETS
            + budget.ordinal();
        Entry e = entries[slot];
        if (e == null) {
            HackersDelightTask t = tasks.get(task);
            SynthesisResult r = new EnumerativeSynthesizer(false).synthesize(Grammar.of(t, difficulty), t.returnsBool(),
                t.publicVectors(), t.publicVectors(), length, budget.maxCandidates());
            e = r.found()
                ? new Entry(r, DecodedProgram.decode(r.program()), DecodedProgram.decode(PeepholeOptimizer.optimize(r.program())))
                : new Entry(r, null, null);
            entries[slot] = e;
        }
        return e;
    }
}
