package dev.handoff.offline;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.exact.ExactAnalysis;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.train.Algorithm;
import dev.handoff.train.GreedyReturn;
import dev.handoff.train.RunFolder;
import dev.handoff.trace.TraceSet;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IC-Q learned offline from the agents' own traces, recorded under a uniformly random behaviour policy, against the
 * exact model: the oracle's return when the interface is exact, the interface fixed point's when it is not.
 */
class OfflineIcqTest {
    /** Handoffs recorded per test: enough for 1% (100k are not: measured 2026-12, seed 1). */
    private static final long HANDOFFS = 300_000;

    @TempDir
    Path tmp;

    private OfflineLearning.Result learn(Workflow w) throws Exception {
        RecordedTraces.record(w, Algorithm.ICQ_TABULAR, 1, HANDOFFS, tmp.resolve("traces"));
        return OfflineLearning.learn(w, WorkflowLoading.kindOf(w), TraceSet.filesIn(tmp.resolve("traces")),
                OfflineLearning.Settings.DEFAULTS, tmp.resolve("run"), s -> { });
    }

    @Test
    void offlinePolicyIsWithinOnePercentOfTheOracleWhenTheInterfaceIsExact() throws Exception {
        Workflow w = RecordedTraces.uniformBehaviour(RecordedTraces.sample("synthetic-ring10.workflow.json"));
        OfflineLearning.Result r = learn(w);
        assertThat(r.converged()).isTrue();
        assertThat(r.summary().returnEvaluation()).isEqualTo(GreedyReturn.EXACT);
        double jStar = r.summary().oracleReturn();
        assertThat(Math.abs(r.summary().meanReturn() - jStar)).as("J = %s, J* = %s", r.summary().meanReturn(), jStar)
                .isLessThanOrEqualTo(0.01 * Math.abs(jStar));
        // every handoff but the last (whose outcome ends the recording) joined up
        assertThat(r.agents().stream().mapToLong(OfflineLearning.AgentReport::records).sum()).isEqualTo(HANDOFFS);
        assertThat(r.agents().stream().mapToLong(OfflineLearning.AgentReport::unjoined).sum()).isLessThanOrEqualTo(1);
    }

    @Test
    void offlinePolicyShowsTheDocumentedInterfaceGapAtLambdaOne() throws Exception {
        Workflow w = RecordedTraces.uniformBehaviour(RecordedTraces.sample("synthetic-gap.workflow.json"));
        OfflineLearning.Result r = learn(w);
        FiniteSmdp model = GreedyReturn.modelOf(w, WorkflowLoading.kindOf(w));
        double jHat = ExactAnalysis.of(model, ExactAnalysis.uniformBehaviour(model)).greedyInterfaceValue().jValue();
        double jStar = r.summary().oracleReturn();
        // the policy loss of the interface fixed point, as docs/REPRODUCTION.md gives it for λ = 1 (0.1206)
        assertThat(jStar - jHat).isBetween(0.1205, 0.1207);
        assertThat(Math.abs(r.summary().meanReturn() - jHat)).as("J = %s, J(greedy Q̂) = %s", r.summary().meanReturn(), jHat)
                .isLessThanOrEqualTo(0.01 * Math.abs(jStar));
    }

    @Test
    void theRunFolderIsANormalTabularRun() throws Exception {
        Workflow w = RecordedTraces.uniformBehaviour(RecordedTraces.sample("synthetic-ring10.workflow.json"));
        RecordedTraces.record(w, Algorithm.ICQ_TABULAR, 1, 20_000, tmp.resolve("traces"));
        OfflineLearning.Result r = OfflineLearning.learn(w, WorkflowLoading.kindOf(w), TraceSet.filesIn(tmp.resolve("traces")),
                OfflineLearning.Settings.DEFAULTS, tmp.resolve("run"), s -> { });
        RunFolder folder = RunFolder.open(tmp.resolve("run"));
        assertThat(folder.algorithm()).isEqualTo(Algorithm.ICQ_TABULAR);
        var restored = (dev.handoff.train.SeedTrainer) folder.restore(1, folder.handoffs()); // a tabular run
        OfflineIcq again = OfflineLearning.fit(w, WorkflowLoading.kindOf(w).create(w),
                TraceSet.read(w, WorkflowLoading.kindOf(w).create(w), TraceSet.filesIn(tmp.resolve("traces"))),
                OfflineLearning.Settings.DEFAULTS, s -> { });
        for (int i = 0; i < restored.agentCount(); i++) {
            assertThat(restored.learner(i).table()).containsExactly(again.table(i, restored.learner(i).table().length));
        }
        assertThat(Files.readString(tmp.resolve("run/manifest.json"))).contains("\"status\" : \"finished\"");
        assertThat(Files.readString(tmp.resolve("run").resolve(OfflineLearning.REPORT))).contains("\"rounds\"");
        assertThat(r.edgeScalars()).isNotEmpty();
    }
}
