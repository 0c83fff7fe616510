package dev.handoff.env;

import dev.handoff.exact.FiniteSmdp;
import dev.handoff.exact.ModelSize;
import dev.handoff.workflow.Workflow;

/** An environment kind whose workflows have a finite model that the exact solver can take whole. */
public interface FiniteModelKind extends EnvironmentKind {
    /**
     * The workflow written out as a finite SMDP (same dynamics, same interface maps as {@link #create}).
     *
     * @throws dev.handoff.input.LimitExceededException before building a model that would not fit the heap
     */
    FiniteSmdp exactModel(Workflow workflow);

    /** How large {@link #exactModel} would be, counted without building it (for refusing or falling back early). */
    ModelSize exactModelSize(Workflow workflow);
}
