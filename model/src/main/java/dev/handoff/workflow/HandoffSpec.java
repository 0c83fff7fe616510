package dev.handoff.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A directed handoff edge {@code from → to}; {@code to} may be {@link #STOP}, the terminal node. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"from", "to", "label"})
public record HandoffSpec(String from, String to, String label) {
    /** The reserved id of the terminal node: handing off to it ends the episode and submits the artifact. */
    public static final String STOP = "STOP";

    public HandoffSpec(String from, String to) {
        this(from, to, null);
    }

    public boolean isStop() {
        return STOP.equals(to);
    }
}
