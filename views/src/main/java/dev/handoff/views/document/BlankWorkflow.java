package dev.handoff.views.document;

import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.workflow.Layout;
import dev.handoff.workflow.Workflow;

/** What File ▸ New starts from: the synthetic IC-SMDP's artifact, parameters and training settings, no agents yet. */
public final class BlankWorkflow {
    private BlankWorkflow() {
    }

    public static Workflow create() {
        Workflow template = SyntheticTemplates.ring("Untitled workflow", 0, 0.0, 0.1);
        return new Workflow(template.formatVersion(), null, template.name(), null, template.artifact(), template.agents(),
                template.handoffs(), template.environment(), template.training(), Layout.EMPTY);
    }
}
