package dev.handoff.env.llm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One model's answer to question {@code question} (its index in the GSM8K test set): one line of a replay file
 * (JSON Lines). {@code correct} is the released label, or null for a live answer (graded when replayed).
 * {@code source} says where it came from ({@code released}, or {@code live:<base url>}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"question", "model", "answer", "correct", "source"})
public record AnswerRecord(int question, String model, String answer, Boolean correct, String source) {
}
