package dev.handoff.workflow.edit;

import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowJson;
import dev.handoff.workflow.Layout.Point;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19.8: a new agent continues the document's own naming ("a10" / "Agent 10" after a0–a9), not "agent-11". */
class NamingPatternTest {
    private static Path samples() {
        Path d = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(d.resolve("sample-workflows"))) {
            d = d.getParent();
        }
        return d.resolve("sample-workflows");
    }

    @Test
    void aNewAgentOnTheTenAgentRingIsA10AndAgent10() {
        Workflow ring = SyntheticTemplates.ring("Ring", 10, 0.0, 0.1);
        AgentSpec fresh = DocumentEdits.freshAgent(ring);
        assertThat(fresh.id()).isEqualTo("a10");
        assertThat(fresh.name()).isEqualTo("Agent 10");
        Workflow eleven = DocumentEdits.addAgent(ring, fresh, new Point(0, 0)).after();
        assertThat(DocumentEdits.freshAgent(eleven).id()).isEqualTo("a11");
        assertThat(DocumentEdits.freshAgent(eleven).name()).isEqualTo("Agent 11");
    }

    @Test
    void aNewRouterOnTheGridIsR36Named36() throws Exception {
        Workflow grid = WorkflowJson.read(samples().resolve("routing-6x6.workflow.json"));
        AgentSpec fresh = DocumentEdits.freshAgent(grid);
        assertThat(fresh.id()).isEqualTo("r36");
        assertThat(fresh.name()).isEqualTo("36");
    }

    @Test
    void aGapLeftByADeletedAgentIsNotReusedAndPaddingIsKept() {
        assertThat(NamingPattern.next(List.of("a0", "a1", "a5"), "agent-", 4)).isEqualTo("a6");
        assertThat(NamingPattern.next(List.of("r01", "r02", "r09"), "agent-", 4)).isEqualTo("r10");
        assertThat(NamingPattern.next(List.of("step-1-check", "step-2-check", "x"), "agent-", 4)).isEqualTo("step-3-check");
    }

    @Test
    void withoutANumberedPatternTheDefaultIsUsed() throws Exception {
        Workflow cpu = WorkflowJson.read(samples().resolve("cpu-hackers-delight.workflow.json"));
        assertThat(DocumentEdits.freshAgent(cpu).id()).isEqualTo("agent-5");
        assertThat(DocumentEdits.freshAgent(cpu).name()).isEqualTo("Agent 5");
        // one name with a number ("gpt4") is not a pattern
        assertThat(NamingPattern.next(List.of("mixtral", "comparator", "gpt4"), "agent-", 4)).isEqualTo("agent-4");
        assertThat(NamingPattern.next(List.of(), "Agent ", 1)).isEqualTo("Agent 1");
        assertThat(NamingPattern.next(List.of("Agent 1", "Agent 2"), "Agent ", 2)).isEqualTo("Agent 3");
    }
}
