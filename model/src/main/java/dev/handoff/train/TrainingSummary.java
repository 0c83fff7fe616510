package dev.handoff.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The outcome of a headless run: the CLI's last stdout line and the summary in a run folder. {@code meanReturn} is
 * the greedy policy's return J (exact where the kind has a finite model, else simulated), {@code oracleReturn} the
 * centralised optimum J* where known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"algo", "seeds", "handoffs", "meanReturn", "meanReturnCi95", "returnsBySeed", "returnEvaluation",
        "oracleReturn", "oracleGap", "components", "wallSeconds", "handoffsPerSecond", "status", "runDir"})
public record TrainingSummary(
        String algo,
        List<Long> seeds,
        long handoffs,
        double meanReturn,
        double meanReturnCi95,
        List<Double> returnsBySeed,
        String returnEvaluation,
        Double oracleReturn,
        Double oracleGap,
        java.util.Map<String, Object> components,
        double wallSeconds,
        double handoffsPerSecond,
        String status,
        String runDir) {
}
