package dev.handoff.trace;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.offline.RecordedTraces;
import dev.handoff.train.Algorithm;
import dev.handoff.train.SeedTrainer;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Traces written by a simulated run: one valid file per agent, joined by handoff ids, and no change to learning. */
class SimulatedTracesTest {
    @TempDir
    Path tmp;

    @Test
    void recordingChangesNothingTheLearnersDo() throws Exception {
        Workflow w = RecordedTraces.sample("synthetic-gap.workflow.json");
        SeedTrainer recorded = RecordedTraces.record(w, Algorithm.ICQ_TABULAR, 4, 30_000, tmp.resolve("t"));
        SeedTrainer plain = new SeedTrainer(w, WorkflowLoading.kindOf(w), Algorithm.ICQ_TABULAR, 4, 30_000);
        plain.runUntil(30_000, null);
        for (int i = 0; i < plain.agentCount(); i++) {
            assertThat(recorded.learner(i).table()).containsExactly(plain.learner(i).table());
        }
    }

    @Test
    void eachAgentsFileHoldsItsOwnHandoffsJoinedToTheNextHoldersThroughIds() throws Exception {
        Workflow w = RecordedTraces.sample("synthetic-ring10.workflow.json");
        RecordedTraces.record(w, Algorithm.ICQ_TABULAR, 2, 5_000, tmp.resolve("t"));
        List<Path> files = TraceSet.filesIn(tmp.resolve("t"));
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("a0.jsonl", "a1.jsonl", "a2.jsonl",
                "a3.jsonl", "a4.jsonl", "a5.jsonl", "a6.jsonl", "a7.jsonl", "a8.jsonl", "a9.jsonl");
        TraceSet set = TraceSet.read(w, WorkflowLoading.kindOf(w).create(w), files);
        assertThat(set.records()).isEqualTo(5_000);
        // every handoff that went on is received by exactly one agent's trace
        java.util.Set<Integer> received = new java.util.HashSet<>();
        long passedOn = 0;
        for (AgentTrace t : set.byAgent()) {
            for (int r = 0; r < t.size(); r++) {
                assertThat(received.add(t.handoff(r))).isTrue();
            }
        }
        for (AgentTrace t : set.byAgent()) {
            for (int r = 0; r < t.size(); r++) {
                if (t.next(r) >= 0) {
                    passedOn++;
                    assertThat(received.contains(t.next(r)) || set.handoffId(t.next(r)).equals("s2-5000")).isTrue();
                }
            }
        }
        assertThat(passedOn).isPositive();
        String first = Files.readAllLines(files.get(0)).get(0);
        assertThat(first).startsWith("{\"type\":\"decision\",\"agent\":\"a0\",\"handoffId\":\"s2-")
                .contains("\"time\":\"1970-01-01T").contains("\"features\":{\"progress\":");
    }

    @Test
    void traceFoldersAreNeverOverwritten() throws Exception {
        Workflow w = RecordedTraces.sample("synthetic-ring10.workflow.json");
        RecordedTraces.record(w, Algorithm.ICQ_TABULAR, 2, 100, tmp.resolve("t"));
        assertThatThrownBy(() -> RecordedTraces.record(w, Algorithm.ICQ_TABULAR, 2, 100, tmp.resolve("t")))
                .hasMessageContaining("already exists");
    }

    @Test
    void theOracleCannotBeRecorded() throws Exception {
        Workflow w = RecordedTraces.sample("synthetic-ring10.workflow.json");
        SeedTrainer oracle = new SeedTrainer(w, WorkflowLoading.kindOf(w), Algorithm.ORACLE, 1, 10);
        try (SimulatedTraces t = SimulatedTraces.open(tmp.resolve("o"), w, oracle.environment(), 1, 0)) {
            assertThatThrownBy(() -> oracle.recordHandoffs(t)).hasMessageContaining("joint state");
        }
    }
}
