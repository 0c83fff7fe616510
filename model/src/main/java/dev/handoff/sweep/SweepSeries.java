package dev.handoff.sweep;

import java.util.List;

/**
 * One metric of one policy across the axis: per value the mean over seeds, the Student-t 95% half-width and the number
 * of seeds measured (null where nothing was), plus the fitted log–log slope and the points it left out.
 */
public record SweepSeries(String metric, String label, String policy, List<Double> mean, List<Double> ci95,
                          List<Integer> n, SlopeFit slope, List<String> skipped) {
}
