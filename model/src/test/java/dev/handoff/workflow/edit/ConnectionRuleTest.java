package dev.handoff.workflow.edit;

import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionRuleTest {
    private final Workflow pair = TinyWorkflows.solverVerifier();

    @Test
    void aNewHandoffBetweenTwoAgentsIsAllowed() {
        assertThat(ConnectionRule.whyNot(pair, "solver", "verifier")).isEmpty();
        assertThat(ConnectionRule.whyNot(pair, "solver", HandoffSpec.STOP)).isEmpty();
    }

    @Test
    void selfLoopsNothingFromStopAndUnknownAgentsAreRefusedWithReasons() {
        assertThat(ConnectionRule.whyNot(pair, "solver", "solver")).contains("An agent hands the artifact on to another agent, not to itself");
        assertThat(ConnectionRule.whyNot(pair, HandoffSpec.STOP, "solver")).get().asString().startsWith("STOP ends the episode");
        assertThat(ConnectionRule.whyNot(pair, "solver", "ghost")).contains("Unknown agent \"ghost\"");
        assertThat(ConnectionRule.whyNot(pair, "verifier", HandoffSpec.STOP)).contains("Verifier already hands off to STOP");
    }
}
