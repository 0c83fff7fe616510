package dev.handoff.views.training.focus;

import dev.handoff.train.Algorithm;
import dev.handoff.train.QSnapshot;
import dev.handoff.train.live.TrainingMode;
import dev.handoff.views.training.TrainedWorkflow;
import dev.handoff.views.training.TrainingDashboardViewModel;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.api.Test;

import static dev.handoff.views.training.DashboardFixtures.dashboard;
import static dev.handoff.views.training.DashboardFixtures.sample;
import static dev.handoff.views.training.DashboardFixtures.trainToTheEnd;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19.6: the agent the policy table and the Q chart open on is the busiest, at its most visited view. */
class AgentFocusViewModelTest {
    /** A snapshot of {@code trained}'s Q tables with the given visits of action 0, every other count 0. */
    private static QSnapshot snapshot(TrainedWorkflow trained, long handoffs, long[][] visitsOfAction0) {
        int n = trained.agentCount();
        double[][] q = new double[n][];
        long[][] visits = new long[n][];
        int[] actions = new int[n];
        for (int i = 0; i < n; i++) {
            actions[i] = trained.actionCount(i);
            q[i] = new double[trained.viewCount(i) * actions[i]];
            visits[i] = new long[q[i].length];
            for (int z = 0; visitsOfAction0 != null && z < visitsOfAction0[i].length; z++) {
                visits[i][z * actions[i]] = visitsOfAction0[i][z];
            }
        }
        return new QSnapshot(Algorithm.ICQ_TABULAR, 1, handoffs, q, visits, actions);
    }

    private static TrainedWorkflow ring() throws Exception {
        Workflow w = sample("synthetic-gap");
        return new TrainedWorkflow(w, WorkflowLoading.kindOf(w), null);
    }

    @Test
    void opensOnTheAgentWithMostVisitsAtItsMostVisitedViewThenKeepsIt() throws Exception {
        TrainedWorkflow trained = ring();
        AgentFocusViewModel focus = new AgentFocusViewModel(trained);
        long[][] visits = new long[trained.agentCount()][trained.viewCount(0)];
        visits[0][0] = 5;
        visits[3][1] = 40;
        visits[3][2] = 70; // agent 3 has 110 visits, most at view 2
        visits[7][0] = 100;
        assertThat(focus.acceptSnapshot(snapshot(trained, 1000, visits), -1)).isTrue();
        assertThat(focus.selectedAgent()).isEqualTo(3);
        assertThat(focus.selectedView()).isEqualTo(2);

        // later snapshots of the same run do not move it (the user is reading it)
        long[][] later = new long[trained.agentCount()][trained.viewCount(0)];
        later[7][0] = 1_000;
        focus.acceptSnapshot(snapshot(trained, 2000, later), -1);
        assertThat(focus.selectedAgent()).isEqualTo(3);

        // a new run opens on its own busiest agent
        focus.clear();
        focus.acceptSnapshot(snapshot(trained, 1000, later), -1);
        assertThat(focus.selectedAgent()).isEqualTo(7);
        assertThat(focus.selectedView()).isZero();
    }

    @Test
    void theUsersChoiceWinsAndAClickedAgentOpensOnItsMostVisitedView() throws Exception {
        TrainedWorkflow trained = ring();
        AgentFocusViewModel focus = new AgentFocusViewModel(trained);
        long[][] visits = new long[trained.agentCount()][trained.viewCount(0)];
        visits[4][3] = 9;
        visits[5][1] = 50;
        focus.acceptSnapshot(snapshot(trained, 1000, visits), -1);
        focus.selectAgent(4);
        assertThat(focus.selectedAgent()).isEqualTo(4);
        assertThat(focus.selectedView()).isEqualTo(3);
        focus.clear();
        focus.acceptSnapshot(snapshot(trained, 1000, visits), -1);
        assertThat(focus.selectedAgent()).as("a new run keeps the user's agent").isEqualTo(4);
        focus.selectView(1);
        assertThat(focus.selectedView()).isEqualTo(1);
    }

    @Test
    void learnersWithoutVisitCountsOpenOnTheAgentThatDecidedMost() throws Exception {
        TrainedWorkflow trained = ring();
        AgentFocusViewModel focus = new AgentFocusViewModel(trained);
        focus.acceptSnapshot(snapshot(trained, 1000, null), -1);
        assertThat(focus.selectedAgent()).as("nothing decided yet: stays").isZero();
        focus.acceptSnapshot(snapshot(trained, 2000, null), 6);
        assertThat(focus.selectedAgent()).isEqualTo(6);
    }

    @Test
    void theRoutingSampleOpensOnABusyRouterAndAVisitedDestination() throws Exception {
        Workflow w = sample("routing-6x6");
        TrainingDashboardViewModel vm = dashboard(w.withTraining(w.training().withHandoffs(20_000)), null);
        trainToTheEnd(vm, TrainingMode.ICQ_TABULAR, 1);
        AgentFocusViewModel focus = vm.focus();
        int agent = focus.selectedAgent();
        PolicyRow shown = focus.policyTable(agent).get(focus.selectedView());
        // before: r0 at destination 0, a router's own address: 0 visits and a flat Q line at 0
        assertThat(shown.visits()).isPositive();
        long agentVisits = focus.policyTable(agent).stream().mapToLong(PolicyRow::visits).sum();
        long r0Visits = focus.policyTable(0).stream().mapToLong(PolicyRow::visits).sum();
        assertThat(agentVisits).isGreaterThanOrEqualTo(r0Visits);
        assertThat(focus.qCurves(agent, focus.selectedView())).anySatisfy(c -> assertThat(c.lastY()).isNotZero());
    }
}
