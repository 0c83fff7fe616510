package dev.handoff.views.training.runs;

import dev.handoff.train.live.RunFolders;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19.7 in the Runs list: "1 seed", and no interval from a single seed. */
class RunsViewModelTest {
    private static RunFolders.Entry entry(int seeds, Double mean, Double ci) {
        return new RunFolders.Entry(Path.of("/runs/20261207-094206-icq-tabular"), "routing", "icq-tabular", "finished",
                "2026-12-07T09:42:06Z", seeds, 500_000, mean, ci);
    }

    @Test
    void aSingleSeedRunSaysOneSeedAndNoInterval() {
        assertThat(RunsViewModel.describe(entry(1, -9.804, 0.0)))
                .isEqualTo("20261207-094206  icq-tabular  1 seed  finished  J = -9.804 (n = 1, no interval)")
                .doesNotContain("±").doesNotContain("1 seeds");
    }

    @Test
    void severalSeedsShowTheirInterval() {
        assertThat(RunsViewModel.describe(entry(3, 2.692, 0.001)))
                .isEqualTo("20261207-094206  icq-tabular  3 seeds  finished  J = 2.692 ± 0.001");
        assertThat(RunsViewModel.describe(entry(3, null, null))).endsWith("3 seeds  finished");
    }

    @Test
    void typedBudgetsAcceptGroupingAndRefuseTheRest() {
        assertThat(RunsViewModel.parseBudget("12,000,000")).isEqualTo(12_000_000L);
        assertThat(RunsViewModel.parseBudget(" 12_000 ")).isEqualTo(12_000L);
        assertThat(RunsViewModel.parseBudget("twelve")).isNull();
        assertThat(RunsViewModel.parseBudget("0")).isNull();
        assertThat(RunsViewModel.parseBudget("-5")).isNull();
    }
}
