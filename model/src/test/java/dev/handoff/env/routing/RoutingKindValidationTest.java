package dev.handoff.env.routing;

import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.OptionSpec;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingKindValidationTest {
    private final RoutingKind kind = new RoutingKind();

    static Workflow abilene() throws IOException {
        return RoutingWorkflows.abilene(RoutingData.file(""));
    }

    @Test
    void aHandoffToStopIsRejectedBecauseDeliveryEndsTheTrip() throws IOException {
        Workflow w = abilene();
        List<HandoffSpec> h = new ArrayList<>(w.handoffs());
        h.add(new HandoffSpec("r3", HandoffSpec.STOP));
        List<Problem> p = kind.validate(w.withHandoffs(h));
        assertThat(p).extracting(Problem::path).containsExactly("/handoffs/" + (h.size() - 1));
        assertThat(p.get(0).message()).contains("STOP");
    }

    @Test
    void aOneWayLinkIsRejected() throws IOException {
        Workflow w = abilene();
        List<HandoffSpec> h = new ArrayList<>(w.handoffs());
        HandoffSpec removed = h.remove(0);
        List<Problem> p = kind.validate(w.withHandoffs(h));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).message()).contains("no return handoff " + removed.from());
    }

    @Test
    void anUnreachableRouterIsNamed() throws IOException {
        Workflow w = abilene();
        List<HandoffSpec> h = new ArrayList<>();
        for (HandoffSpec e : w.handoffs()) {
            if (!e.from().equals("r10") && !e.to().equals("r10")) {
                h.add(e);
            }
        }
        List<Problem> p = kind.validate(w.withHandoffs(h));
        assertThat(p).extracting(Problem::path).containsExactly("/agents/10");
        assertThatThrownBy(() -> kind.create(w.withHandoffs(h))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r10");
    }

    @Test
    void missingPacketFeaturesAndBadParametersAreNamedByPath() throws IOException {
        Workflow w = abilene();
        ArtifactSchema noAge = new ArtifactSchema(w.artifact().features().subList(0, 3));
        Workflow bad = w.withArtifact(noAge).withEnvironment(w.environment().with(RoutingParameters.LOAD, -1.0)
                .with(RoutingParameters.MAX_IN_FLIGHT, 2.5));
        assertThat(kind.validate(bad)).extracting(Problem::path).containsExactlyInAnyOrder(
                "/artifact/features", "/environment/parameters/load", "/environment/parameters/maxPacketsInFlight");
    }

    @Test
    void aRouterHasTheSingleOptionForward() throws IOException {
        Workflow w = abilene();
        assertThat(w.agents()).allMatch(a -> a.options().equals(List.of(RoutingWorkflows.FORWARD)));
        List<AgentSpec> agents = new ArrayList<>(w.agents());
        agents.set(2, agents.get(2).withOptions(List.of(RoutingWorkflows.FORWARD, new OptionSpec("fast", null, null))));
        assertThat(kind.validate(w.withAgents(agents))).extracting(Problem::path).containsExactly("/agents/2/options");
    }
}
