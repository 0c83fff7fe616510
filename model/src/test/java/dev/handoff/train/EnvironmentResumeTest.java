package dev.handoff.train;

import dev.handoff.checkpoint.StateReader;
import dev.handoff.checkpoint.StateWriter;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.llm.LlmMathKind;
import dev.handoff.env.llm.LlmMathSamples;
import dev.handoff.env.routing.RoutingKind;
import dev.handoff.env.routing.RoutingWorkflows;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing and llm-math runs checkpointed midway and resumed end bit-identical to the same runs uninterrupted. */
class EnvironmentResumeTest {

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("sample-workflows"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no sample-workflows folder above the working directory");
        }
        return p;
    }

    private static byte[] checkpoint(SeedTrainer t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StateWriter w = new StateWriter(bytes)) {
            t.saveState(w);
        }
        return bytes.toByteArray();
    }

    private static void assertResumeIsBitIdentical(Workflow w, EnvironmentKind kind, Algorithm algo, long budget, long cut) {
        List<TrainingWindow> straightWindows = new ArrayList<>();
        SeedTrainer straight = new SeedTrainer(w, kind, algo, 7, budget);
        straight.runUntil(budget, straightWindows::add);

        List<TrainingWindow> resumedWindows = new ArrayList<>();
        SeedTrainer first = new SeedTrainer(w, kind, algo, 7, budget);
        first.runUntil(cut, resumedWindows::add);
        byte[] saved = checkpoint(first);
        SeedTrainer second = new SeedTrainer(w, kind, algo, 7, budget);
        try (StateReader r = new StateReader(new ByteArrayInputStream(saved))) {
            second.restoreState(r);
        }
        assertThat(checkpoint(second)).as("restored state re-saves identically").isEqualTo(saved);
        second.runUntil(budget, resumedWindows::add);

        byte[] end = checkpoint(straight);
        assertThat(checkpoint(second)).as(kind.id() + " " + algo.cliName()).isEqualTo(end);
        assertThat(end.length).isGreaterThan(saved.length / 2);
        assertThat(resumedWindows).hasSameSizeAs(straightWindows).isNotEmpty();
        for (int i = 0; i < straightWindows.size(); i++) {
            assertThat(resumedWindows.get(i).meanEpisodeReturn()).isEqualTo(straightWindows.get(i).meanEpisodeReturn());
        }
    }

    @Test
    void resumedRoutingRunIsBitIdenticalToTheUninterruptedOne() throws Exception {
        Workflow six = RoutingWorkflows.sixBySix(root().resolve("sample-workflows/data/routing"));
        assertResumeIsBitIdentical(six, new RoutingKind(), Algorithm.ICQ_TABULAR, 120_000, 61_237);
    }

    @Test
    void resumedLlmMathRunIsBitIdenticalToTheUninterruptedOne() {
        Workflow w = LlmMathSamples.sampleMixtralGpt4();
        assertResumeIsBitIdentical(w, new LlmMathKind(), Algorithm.ICQ_TABULAR, 120_000, 61_237);
        assertResumeIsBitIdentical(w, new LlmMathKind(), Algorithm.ORACLE, 60_000, 20_011);
    }
}
