package dev.handoff.sweep;

import dev.handoff.components.ComponentAnalysis;
import dev.handoff.components.ErrorComponents;
import dev.handoff.env.FiniteModelKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.workflow.Workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The axes of the paper's central claim (ICQ.md §4–5), for kinds with an exact model: {@code width} (network width m),
 * {@code gap} (λ), {@code mixing} (η) and {@code samples} (T). Each point measures the three error components — neural
 * approximation, interface gap (with the exact policy loss), mixing residual (one Markov trajectory and its i.i.d.
 * twin) — and the total, with the others held fixed.
 */
public final class ErrorComponentAxis implements SweepAxis {
    public static final String WIDTH_OPTION = "width";
    private static final long DEFAULT_T = 300_000;

    private final dev.handoff.components.ComponentAxis axis;

    public ErrorComponentAxis(dev.handoff.components.ComponentAxis axis) {
        this.axis = axis;
    }

    /** All four. */
    public static List<ErrorComponentAxis> all() {
        return java.util.Arrays.stream(dev.handoff.components.ComponentAxis.values()).map(ErrorComponentAxis::new).toList();
    }

    @Override
    public String id() {
        return axis.cliName();
    }

    @Override
    public String label() {
        return switch (axis) {
            case WIDTH -> "network width m (hidden units)";
            case GAP -> "interface-gap knob λ";
            case MIXING -> "mixing knob η (hidden-regime switch probability per epoch)";
            case SAMPLES -> "samples T (handoffs along one trajectory)";
        };
    }

    @Override
    public boolean supports(Workflow workflow) {
        return WorkflowLoading.kindOf(workflow) instanceof FiniteModelKind && "synthetic".equals(workflow.environment().kind());
    }

    @Override
    public String unsupportedReason(Workflow workflow) {
        return "axis \"" + id() + "\" measures the error components on an exact model: it needs a synthetic workflow, not \""
                + workflow.environment().kind() + "\"";
    }

    @Override
    public String problemWith(double value) {
        return switch (axis) {
            case WIDTH -> value >= 1 && value == Math.rint(value) ? null : "a width is a whole number ≥ 1";
            case SAMPLES -> value >= 1 && value == Math.rint(value) ? null : "T is a whole number of handoffs ≥ 1";
            case GAP -> value >= 0 ? null : "λ must be ≥ 0";
            case MIXING -> value > 0 && value <= 1 ? null : "η must be in (0, 1]";
        };
    }

    @Override
    public Workflow apply(Workflow workflow, double value) {
        return axis.apply(workflow, value);
    }

    @Override
    public Map<String, String> options() {
        return Map.of(WIDTH_OPTION, "network width held fixed on the gap, mixing and samples axes (default 0 = tabular, "
                + "where Q_θ∞ = Q̂ and the neural term is 0)");
    }

    @Override
    public SweepDesign design(Workflow base, SweepSettings settings) {
        for (String key : settings.options().keySet()) {
            if (!options().containsKey(key)) {
                throw new IllegalArgumentException("axis " + id() + " has no option \"" + key + "\" (known: " + options().keySet() + ")");
            }
        }
        if (!settings.policies().isEmpty()) {
            throw new IllegalArgumentException("axis " + id() + " measures the components of IC-Q itself: drop --algo");
        }
        int width = (int) Math.round(settings.option(WIDTH_OPTION, 0));
        long t = settings.handoffs() != null ? settings.handoffs() : DEFAULT_T;
        String policy = width == 0 && axis != dev.handoff.components.ComponentAxis.WIDTH ? "icq-tabular" : "icq-two-layer-relu";
        List<SweepMetric> metrics = List.of(
                new SweepMetric("neuralApprox", "neural approximation ‖Q_θ∞ − Q̂‖_μ", axis == dev.handoff.components.ComponentAxis.WIDTH),
                new SweepMetric("neuralApproxSupervised", "best supervised fit ‖Π Q̂ − Q̂‖_μ", false),
                new SweepMetric("interfaceGap", "interface gap ‖Q̂∘σ − Q*‖_μ", axis == dev.handoff.components.ComponentAxis.GAP),
                new SweepMetric("policyLoss", "policy loss J* − J(greedy Q̂)", axis == dev.handoff.components.ComponentAxis.GAP),
                new SweepMetric("mixingResidual", "mixing residual ‖Q_T − Q_θ∞‖_μ (Markov)",
                        axis == dev.handoff.components.ComponentAxis.MIXING || axis == dev.handoff.components.ComponentAxis.SAMPLES),
                new SweepMetric("mixingResidualIid", "mixing residual, i.i.d. samples from μ",
                        axis == dev.handoff.components.ComponentAxis.MIXING || axis == dev.handoff.components.ComponentAxis.SAMPLES),
                new SweepMetric("total", "total ‖Q_T∘σ − Q*‖_μ", false),
                new SweepMetric("closureHolds", "closure: total ≤ sum of parts (1 = holds)", false));
        SweepMeasurement measurement = (value, seed, runFolder) -> {
            ErrorComponents c = axis.measure(base, value, width, t, seed);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("neuralApprox", c.neuralApprox());
            m.put("neuralApproxSupervised", c.neuralApproxSupervised());
            m.put("interfaceGap", c.interfaceGap());
            m.put("policyLoss", c.policyLoss());
            m.put("mixingResidual", c.mixingResidual());
            m.put("mixingResidualIid", c.mixingResidualIid());
            m.put("total", c.total());
            m.put("closureHolds", c.closureHolds() ? 1.0 : 0.0);
            return List.of(new SweepReading(policy, m));
        };
        return new SweepDesign(id(), label(), List.of(SweepAlgorithm.of(policy, measurement)), metrics);
    }
}
