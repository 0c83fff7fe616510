package dev.handoff.env;

import dev.handoff.exact.FiniteSmdp;
import dev.handoff.workflow.Workflow;

/** An environment kind whose workflows have a finite model that the exact solver can take whole. */
public interface FiniteModelKind extends EnvironmentKind {
    /** The workflow written out as a finite SMDP (same dynamics, same interface maps as {@link #create}). */
    FiniteSmdp exactModel(Workflow workflow);
}
