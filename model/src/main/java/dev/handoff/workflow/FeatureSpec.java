package dev.handoff.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * One typed feature of the artifact. Integer and real features have an inclusive range; booleans are 0/1;
 * categories take the index of one of their labels. {@code hidden} documents a feature that no agent sees
 * by default (e.g. the synthetic kind's difficulty).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "type", "min", "max", "categories", "description"})
public record FeatureSpec(@JsonInclude(JsonInclude.Include.ALWAYS) String name, @JsonInclude(JsonInclude.Include.ALWAYS) FeatureType type, Double min, Double max, List<String> categories, String description) {
    public FeatureSpec {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public static FeatureSpec integer(String name, int min, int max, String description) {
        return new FeatureSpec(name, FeatureType.INT, (double) min, (double) max, List.of(), description);
    }

    public static FeatureSpec real(String name, double min, double max, String description) {
        return new FeatureSpec(name, FeatureType.REAL, min, max, List.of(), description);
    }

    public static FeatureSpec bool(String name, String description) {
        return new FeatureSpec(name, FeatureType.BOOL, null, null, List.of(), description);
    }

    public double lo() {
        return switch (type) {
            case BOOL, CATEGORY -> 0;
            default -> min == null ? 0 : min;
        };
    }

    public double hi() {
        return switch (type) {
            case BOOL -> 1;
            case CATEGORY -> Math.max(0, categories.size() - 1);
            default -> max == null ? 0 : max;
        };
    }

    /** Number of distinct values of a discrete feature (0 for a real one: it has to be binned). */
    public int cardinality() {
        return switch (type) {
            case BOOL -> 2;
            case CATEGORY -> categories.size();
            case INT -> (int) Math.max(0, Math.round(hi()) - Math.round(lo()) + 1);
            case REAL -> 0;
        };
    }
}
