package dev.handoff.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Optional;

/**
 * A workflow document ({@code *.workflow.json}): the agents of an IC-SMDP, the handoffs between them,
 * what each agent may see of the shared artifact, the environment that simulates it and how to train.
 * Layout (node positions) is kept apart from the semantics.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"formatVersion", "writtenBy", "name", "description", "artifact", "agents", "handoffs",
        "environment", "training", "layout"})
public record Workflow(
        int formatVersion,
        String writtenBy,
        String name,
        String description,
        ArtifactSchema artifact,
        List<AgentSpec> agents,
        List<HandoffSpec> handoffs,
        EnvironmentSpec environment,
        TrainingSettings training,
        Layout layout) {

    /**
     * The document format this build writes; older ones are migrated on load, newer ones refused. Version 2 added
     * {@code training.neural} (the neural learner's settings, {@link NeuralSpec}).
     */
    public static final int FORMAT_VERSION = 2;

    public Workflow {
        agents = agents == null ? List.of() : List.copyOf(agents);
        handoffs = handoffs == null ? List.of() : List.copyOf(handoffs);
        layout = layout == null ? Layout.EMPTY : layout;
    }

    public Optional<AgentSpec> agent(String id) {
        return agents.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public int agentIndex(String id) {
        for (int i = 0; i < agents.size(); i++) {
            if (agents.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Handoff targets of one agent in document order ({@link HandoffSpec#STOP} included where drawn). */
    public List<String> successors(String agentId) {
        return handoffs.stream().filter(h -> h.from().equals(agentId)).map(HandoffSpec::to).toList();
    }

    public Workflow withAgents(List<AgentSpec> newAgents) {
        return new Workflow(formatVersion, writtenBy, name, description, artifact, newAgents, handoffs, environment, training, layout);
    }

    public Workflow withHandoffs(List<HandoffSpec> newHandoffs) {
        return new Workflow(formatVersion, writtenBy, name, description, artifact, agents, newHandoffs, environment, training, layout);
    }

    public Workflow withEnvironment(EnvironmentSpec env) {
        return new Workflow(formatVersion, writtenBy, name, description, artifact, agents, handoffs, env, training, layout);
    }

    public Workflow withTraining(TrainingSettings t) {
        return new Workflow(formatVersion, writtenBy, name, description, artifact, agents, handoffs, environment, t, layout);
    }

    public Workflow withLayout(Layout l) {
        return new Workflow(formatVersion, writtenBy, name, description, artifact, agents, handoffs, environment, training, l);
    }

    public Workflow withArtifact(ArtifactSchema a) {
        return new Workflow(formatVersion, writtenBy, name, description, a, agents, handoffs, environment, training, layout);
    }

    public Workflow withName(String n) {
        return new Workflow(formatVersion, writtenBy, n, description, artifact, agents, handoffs, environment, training, layout);
    }

    public Workflow withWrittenBy(String w) {
        return new Workflow(formatVersion, w, name, description, artifact, agents, handoffs, environment, training, layout);
    }
}
