package dev.handoff.train;

import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.input.LimitExceededException;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Q-tables that would not fit the heap are refused before the first is allocated, with the size they would need. */
class TableBudgetTest {
    private static final SyntheticKind KIND = new SyntheticKind();

    @Test
    void theOraclesJointTablesOfEveryAgentAreRefusedUpFrontWithTheirSize() {
        // 2,000 agents: every oracle learner keys the 72,000 joint states; 3 seeds would need ≈ 41 GB
        Workflow w = SyntheticTemplates.ring("r", 2_000, 1.0, 0.05);
        assertThatThrownBy(() -> HeadlessTraining.run(new HeadlessTraining.Request(w, KIND, Algorithm.ORACLE,
                List.of(1L, 2L, 3L), 1_000, 1, 0), null, null))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("the Q-tables of 3 seeds of oracle (2000 agents, up to 432000 entries each) would need 38.6 GB")
                .hasMessageContaining("max-heap-percent = 75");
    }

    @Test
    void interfaceTablesOfTheSameWorkflowFit() {
        Workflow w = SyntheticTemplates.ring("r", 2_000, 1.0, 0.05);
        assertThatCode(() -> SeedTrainer.requireTablesFit(w, KIND, Algorithm.ICQ_TABULAR, 3)).doesNotThrowAnyException();
    }
}
