package dev.handoff.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** What only this agent knows (its queue, its budget, whether it is busy): a discrete value in {@code 0..values-1}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "values", "description"})
public record PrivateStateSpec(String name, int values, String description) {
}
