package dev.handoff.sweep;

import dev.handoff.env.WorkflowLoading;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowHash;
import dev.handoff.workflow.WorkflowJson;
import dev.handoff.workflow.WorkflowLoadException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * What a sweep measures, as plain text and numbers that can travel to another process or machine: the workflow
 * document (its JSON), the axis id and the user's settings. {@link #design()} rebuilds the same {@link SweepDesign}
 * wherever it is called, which is how a remote engine's workers get the cells' measurements without shipping code.
 */
public record SweepSpec(String workflowJson, String axis, SweepSettings settings) {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public SweepSpec {
        if (workflowJson == null || axis == null) {
            throw new IllegalArgumentException("a sweep spec needs a workflow and an axis");
        }
        settings = settings == null ? SweepSettings.defaults() : settings;
    }

    public static SweepSpec of(Workflow workflow, String axis, SweepSettings settings) {
        return new SweepSpec(WorkflowJson.write(workflow), axis, settings);
    }

    /** The spec as one JSON object, to send to another process ({@link #fromJson} reads it back). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sweep spec always has a JSON form", e);
        }
    }

    public static SweepSpec fromJson(String json) {
        try {
            return JSON.readValue(json, SweepSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a sweep spec: " + e.getOriginalMessage(), e);
        }
    }

    /** The workflow, read back from its JSON and validated. */
    public Workflow workflow() {
        try {
            Workflow w = WorkflowJson.parse(workflowJson, "sweep workflow");
            List<Problem> problems = WorkflowLoading.problemsOf(w);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("the sweep's workflow is invalid: " + problems);
            }
            return w;
        } catch (WorkflowLoadException e) {
            throw new IllegalArgumentException("the sweep's workflow does not load: " + e.getMessage(), e);
        }
    }

    /** The fingerprint of the workflow's meaning ({@link WorkflowHash}). */
    public String workflowHash() {
        return WorkflowHash.of(workflow());
    }

    /**
     * The design of this sweep, built by its axis from the standard registry.
     *
     * @throws IllegalArgumentException for an unknown axis, one that does not apply to the workflow, or settings the
     *                                  axis cannot honour, with a message a person can act on
     */
    public SweepDesign design() {
        SweepAxes axes = SweepAxes.standard();
        SweepAxis a = axes.byId(axis).orElseThrow(() -> new IllegalArgumentException(
                "unknown axis \"" + axis + "\" (known: " + String.join(", ", axes.ids()) + ")"));
        Workflow w = workflow();
        if (!a.supports(w)) {
            throw new IllegalArgumentException(a.unsupportedReason(w));
        }
        return a.design(w, settings);
    }
}
