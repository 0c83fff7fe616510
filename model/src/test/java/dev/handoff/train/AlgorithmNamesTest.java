package dev.handoff.train;

import dev.handoff.workflow.TrainingSettings;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The algorithm names a workflow may hold and the learners the CLI runs are the same list. */
class AlgorithmNamesTest {
    @Test
    void everyRunnableAlgorithmIsAValidWorkflowAlgorithm() {
        assertThat(TrainingSettings.ALGORITHMS)
                .containsAll(Arrays.stream(Algorithm.values()).map(Algorithm::cliName).toList());
        assertThat(Algorithm.parse("oracle")).isEqualTo(Algorithm.ORACLE);
        assertThatThrownBy(() -> Algorithm.parse("magic")).hasMessageContaining("icq-tabular");
    }
}
