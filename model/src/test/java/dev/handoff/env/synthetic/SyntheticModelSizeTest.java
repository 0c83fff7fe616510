package dev.handoff.env.synthetic;

import dev.handoff.exact.FiniteSmdp;
import dev.handoff.exact.ModelSize;
import dev.handoff.input.InputLimits;
import dev.handoff.input.LimitExceededException;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exact model's size is counted before it is built (issue 18.5, issue 13 "refused up front with the size it would
 * need"): the count bounds what is then built, and the model stays linear in the agents (STOP's reset law is one
 * shared row per difficulty, not a dense row per STOP action, which made 20,000 agents need terabytes).
 */
class SyntheticModelSizeTest {
    private static final SyntheticKind KIND = new SyntheticKind();

    @Test
    void theCountedSizeBoundsTheBuiltModelTightly() {
        for (int agents : new int[] {3, 10, 40}) {
            Workflow w = SyntheticTemplates.ring("r", agents, 1.0, 0.05);
            ModelSize size = KIND.exactModelSize(w);
            FiniteSmdp model = KIND.exactModel(w);
            long built = bytesHeldBy(model);
            assertThat(size.states()).isEqualTo(model.stateCount());
            assertThat(size.modelBytes()).as("%d agents", agents).isBetween(built, 3 * built);
        }
    }

    @Test
    void stopRowsAreSharedSoTheModelGrowsLinearlyInTheAgents() {
        long small = KIND.exactModelSize(SyntheticTemplates.ring("r", 2_000, 1.0, 0.05)).modelBytes();
        long large = KIND.exactModelSize(SyntheticTemplates.ring("r", 20_000, 1.0, 0.05)).modelBytes();
        assertThat((double) large / small).isBetween(9.0, 11.0);
        assertThat(large).isLessThan(2L << 30); // was ≈ 3.5 TB with one dense reset row per STOP action
        FiniteSmdp model = KIND.exactModel(SyntheticTemplates.ring("r", 10, 1.0, 0.05));
        Set<Object> resetRows = Collections.newSetFromMap(new IdentityHashMap<>());
        for (FiniteSmdp.SparseRow[] rows : model.next()) {
            for (FiniteSmdp.SparseRow r : rows) {
                if (r.index().length > 100) {
                    resetRows.add(r);
                }
            }
        }
        assertThat(resetRows).hasSize(SyntheticParameters.DEFAULTS.difficultyLevels());
    }

    @Test
    void theExactSolverRefusesTwentyThousandAgentsBeforeBuildingAnything() {
        ModelSize size = KIND.exactModelSize(SyntheticTemplates.ring("r", 20_000, 1.0, 0.05));
        assertThat(size.analysable()).isFalse();
        assertThatThrownBy(size::requireAnalysable).isInstanceOf(LimitExceededException.class)
                .hasMessage("the exact solver: " + size.states() + " joint states exceed " + InputLimits.EXACT_STATES);
        assertThat(KIND.exactModelSize(SyntheticTemplates.ring("r", 10, 1.0, 0.05)).analysable()).isTrue();
    }

    /** Bytes of the arrays a model holds (shared rows once), with 16-byte array headers and 4-byte references. */
    private static long bytesHeldBy(FiniteSmdp m) {
        long bytes = 16 + 4L * m.agentOf().length + 16 + 4L * m.viewOf().length + 16 + 8L * m.initial().length;
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int s = 0; s < m.stateCount(); s++) {
            bytes += 4 * 16 + 8L * m.reward()[s].length + 8L * m.discount()[s].length + 4L * m.kernel()[s].length
                    + 4L * m.next()[s].length;
            for (FiniteSmdp.SparseRow[] rows : new FiniteSmdp.SparseRow[][] {m.kernel()[s], m.next()[s]}) {
                for (FiniteSmdp.SparseRow r : rows) {
                    if (seen.add(r)) {
                        bytes += 3 * 16 + 12L * r.index().length;
                    }
                }
            }
        }
        return bytes;
    }
}
