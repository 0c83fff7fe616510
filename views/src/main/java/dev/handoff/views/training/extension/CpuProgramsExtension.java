package dev.handoff.views.training.extension;

import dev.handoff.env.cpu.CpuProgrammingKind;
import dev.handoff.cpureport.SolvedPrograms;
import dev.handoff.train.SeedRun;
import dev.handoff.views.training.TrainedWorkflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * cpu-programming in the dashboard: "Show programs…" runs each task once with a trained seed's greedy pipeline and
 * shows the commented assembly it submits, marked solved (passed every vector, held-out ones included) or not.
 */
public final class CpuProgramsExtension implements DashboardExtension {
    @Override
    public String kindId() {
        return CpuProgrammingKind.ID;
    }

    @Override
    public List<SeedPanelAction<?>> seedPanels() {
        return List.of(new SeedReportPanel("programs", "Show programs…", "Show this seed's programs",
                CpuProgramsExtension::programs));
    }

    /** Per task, in task order, the program {@code seed}'s greedy policy submits. */
    static SeedReport programs(TrainedWorkflow trained, SeedRun seed) {
        // the dashboard chose this extension by the kind's id, so the kind is cpu-programming's
        CpuProgrammingKind cpu = (CpuProgrammingKind) trained.kind();
        Map<String, String> byTask = SolvedPrograms.greedyPrograms(trained.workflow(), cpu, seed);
        List<SeedReport.Item> items = new ArrayList<>();
        byTask.forEach((task, text) -> items.add(new SeedReport.Item(task, text, SolvedPrograms.isSolvedText(text))));
        String who = seed.algorithm().cliName() + " seed " + seed.seed();
        long solved = items.stream().filter(SeedReport.Item::ok).count();
        return new SeedReport("Programs of " + who, "The program " + who + "'s greedy pipeline submits for each task · "
                + solved + " of " + items.size() + " solved on every vector, held-out ones included · read-only; copy with Ctrl+C",
                "solved", "not solved", items);
    }
}
