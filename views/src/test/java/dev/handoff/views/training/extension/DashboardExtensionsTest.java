package dev.handoff.views.training.extension;

import dev.handoff.env.EnvironmentKinds;
import dev.handoff.views.training.extension.llm.LlmMathExtension;
import dev.handoff.views.training.extension.routing.RoutingExtension;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Environment panels come from the kind's registered extension, looked up by the kind's id. */
class DashboardExtensionsTest {
    @Test
    void eachKindOffersItsOwnPanelsAndSyntheticNone() {
        assertThat(DashboardExtensions.forKind("cpu-programming")).isInstanceOf(CpuProgramsExtension.class);
        assertThat(DashboardExtensions.forKind("cpu-programming").seedPanels()).extracting(SeedPanelAction::menuText)
                .containsExactly("Show programs…");
        assertThat(DashboardExtensions.forKind("routing")).isInstanceOf(RoutingExtension.class);
        assertThat(DashboardExtensions.forKind("routing").seedPanels()).extracting(SeedPanelAction::id)
                .containsExactly("routes");
        assertThat(DashboardExtensions.forKind("llm-math")).isInstanceOf(LlmMathExtension.class);
        assertThat(DashboardExtensions.forKind("llm-math").seedPanels()).extracting(SeedPanelAction::id)
                .containsExactly("held-out");
        assertThat(DashboardExtensions.forKind("synthetic").kindId()).isEqualTo("synthetic");
        assertThat(DashboardExtensions.forKind("synthetic").seedPanels()).isEmpty();
    }

    @Test
    void everyRegisteredExtensionServesAKnownKind() {
        assertThat(DashboardExtensions.all()).hasSize(3).allSatisfy(e ->
                assertThat(EnvironmentKinds.lookup(e.kindId())).as(e.kindId()).isPresent());
    }
}
