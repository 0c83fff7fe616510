package dev.handoff.views;

import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.views.editor.EditorViewModel;
import dev.handoff.workflow.Workflow;

/** Documents and editors the view tests start from. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The paper's synthetic IC-SMDP: 10 agents on a ring, odd ones may stop. */
    public static Workflow ring10() {
        return SyntheticTemplates.ring("Synthetic ring (10 agents)", 10, 0.0, 0.1);
    }

    /** An editor on the model's real file format and validator, starting from a new (blank) document. */
    public static EditorViewModel editor() {
        return EditorViewModel.standard();
    }
}
