package dev.handoff.sweep;

/**
 * The fitted log–log slope b of a metric y against the axis x (y ≈ c·x^b) with its two-sided 95% confidence half-width;
 * {@code slope} and {@code ci95} are null when no slope (or no interval) could be fitted, and {@code method} says how
 * it was obtained or why not.
 */
public record SlopeFit(Double slope, Double ci95, int seedsFitted, String method) {
}
