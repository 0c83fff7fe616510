package dev.handoff.views.training.extension;

import dev.handoff.env.EnvironmentKinds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Environment panels come from the kind's registered extension, looked up by the kind's id. */
class DashboardExtensionsTest {
    @Test
    void cpuProgrammingOffersItsProgramsAndOtherKindsNothing() {
        assertThat(DashboardExtensions.forKind("cpu-programming")).isInstanceOf(CpuProgramsExtension.class);
        assertThat(DashboardExtensions.forKind("cpu-programming").seedReports()).extracting(SeedReportAction::menuText)
                .containsExactly("Show programs…");
        for (String kind : new String[] {"synthetic", "routing", "llm-math"}) {
            assertThat(DashboardExtensions.forKind(kind).kindId()).isEqualTo(kind);
            assertThat(DashboardExtensions.forKind(kind).seedReports()).as(kind).isEmpty();
        }
    }

    @Test
    void everyRegisteredExtensionServesAKnownKind() {
        assertThat(DashboardExtensions.all()).isNotEmpty().allSatisfy(e ->
                assertThat(EnvironmentKinds.lookup(e.kindId())).as(e.kindId()).isPresent());
    }
}
