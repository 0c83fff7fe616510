package dev.handoff.observe;

import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.Workflow;

import java.util.ArrayList;
import java.util.List;

/** The interface maps φ_1..φ_N of every agent of a workflow, index-aligned with {@link Workflow#agents()}. */
public final class InterfaceMaps {
    private InterfaceMaps() {
    }

    /**
     * Compiles every agent's observation.
     *
     * @throws IllegalArgumentException for the first agent whose observation cannot be compiled
     */
    public static List<InterfaceMap> compile(Workflow workflow) {
        ArtifactSchema schema = workflow.artifact() == null ? new ArtifactSchema(List.of()) : workflow.artifact();
        List<InterfaceMap> maps = new ArrayList<>(workflow.agents().size());
        for (AgentSpec agent : workflow.agents()) {
            maps.add(InterfaceMap.compile(schema, agent));
        }
        return List.copyOf(maps);
    }
}
