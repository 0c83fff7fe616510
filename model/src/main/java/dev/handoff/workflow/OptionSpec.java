package dev.handoff.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An internal option of an agent (which model, prompt, tool, effort level ...). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "description"})
public record OptionSpec(String id, String name, String description) {
}
