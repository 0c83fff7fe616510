package dev.handoff.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The neural IC-Q learner's settings as a workflow writes them ({@code training.neural}, format version 2; ICQ.md §3):
 * an MLP of {@code depth} hidden layers of {@code width} ReLU units per agent, trained by Adam at {@code learningRate}
 * on the Huber loss (δ = {@code huberDelta}) from batches of {@code batchSize} of the agent's own replay
 * ({@code replayCapacity} transitions, training from {@code warmup} on, every {@code trainEvery} decisions), a target
 * network copied every {@code targetPeriod} training steps or Polyak-averaged at rate {@code polyakTau}, and the
 * handoff scalar {@code stored} or re-queried ({@code scalarMode}). Every field may be left out: {@link #DEFAULTS} is the
 * one source of the default values, for the learner, the validator and the inspector alike.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"width", "depth", "learningRate", "batchSize", "replayCapacity", "warmup", "trainEvery", "targetPeriod",
        "polyakTau", "huberDelta", "scalarMode", "mirrorRefresh", "requeryMemory"})
public record NeuralSpec(Integer width, Integer depth, Double learningRate, Integer batchSize, Integer replayCapacity,
                         Integer warmup, Integer trainEvery, Integer targetPeriod, Double polyakTau, Double huberDelta,
                         String scalarMode, Integer mirrorRefresh, Integer requeryMemory) {

    /** The handoff-scalar modes of ICQ.md §3: the scalar stored at handoff time, or re-queried when replayed. */
    public static final List<String> SCALAR_MODES = List.of("stored", "requery");

    /**
     * The default of every field: a 2 × 64 ReLU network, Adam 3e-3, batches of 32 from a replay of 20,000 after 256
     * transitions, a hard target copy every 100 training steps, Huber δ = 1, the stored scalar. {@code polyakTau} has no
     * default: without it the target network is copied every {@code targetPeriod} steps.
     */
    public static final NeuralSpec DEFAULTS = new NeuralSpec(64, 2, 3e-3, 32, 20_000, 256, 1, 100, null, 1.0, "stored", 1,
            200_000);

    /** No field set: every setting at its default. */
    public static final NeuralSpec NONE = new NeuralSpec(null, null, null, null, null, null, null, null, null, null, null,
            null, null);

    /** Every field that is left out, filled from {@link #DEFAULTS} (a Polyak τ set replaces the copy period). */
    public NeuralSpec resolved() {
        NeuralSpec d = DEFAULTS;
        return new NeuralSpec(or(width, d.width), or(depth, d.depth), or(learningRate, d.learningRate),
                or(batchSize, d.batchSize), or(replayCapacity, d.replayCapacity), or(warmup, d.warmup),
                or(trainEvery, d.trainEvery), polyakTau != null && targetPeriod == null ? null : or(targetPeriod, d.targetPeriod),
                polyakTau, or(huberDelta, d.huberDelta), or(scalarMode, d.scalarMode), or(mirrorRefresh, d.mirrorRefresh),
                or(requeryMemory, d.requeryMemory));
    }

    /** These settings with every field that {@code overrides} sets replaced by its value (command-line flags). */
    public NeuralSpec overriddenBy(NeuralSpec overrides) {
        if (overrides == null) {
            return this;
        }
        ObjectNode merged = WorkflowJson.mapper().valueToTree(this);
        merged.setAll((ObjectNode) WorkflowJson.mapper().valueToTree(overrides));
        if (overrides.targetPeriod != null && overrides.polyakTau == null) {
            merged.remove("polyakTau"); // a copy period given on its own replaces a Polyak τ, and the other way round
        } else if (overrides.polyakTau != null && overrides.targetPeriod == null) {
            merged.remove("targetPeriod");
        }
        return fromTree(merged);
    }

    /** These settings with one field (by its JSON name) set to {@code value}, typed as the document reads it. */
    public NeuralSpec with(String field, Object value) {
        ObjectNode tree = WorkflowJson.mapper().valueToTree(this);
        if (component(field) == null) {
            throw new IllegalArgumentException("no neural setting \"" + field + "\"");
        }
        tree.set(field, WorkflowJson.mapper().valueToTree(value));
        return fromTree(tree);
    }

    /** Each field that is set, by its JSON name, in document order. */
    public Map<String, Object> fields() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        JsonNode tree = WorkflowJson.mapper().valueToTree(this);
        Iterator<Map.Entry<String, JsonNode>> it = tree.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().numberValue());
        }
        return out;
    }

    /** The JSON names of every field, in document order. */
    public static List<String> fieldNames() {
        return java.util.Arrays.stream(NeuralSpec.class.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
                .toList();
    }

    /** Every problem of these settings (resolved against the defaults), at paths under {@code path}. */
    public List<Problem> problems(String path) {
        List<Problem> out = new java.util.ArrayList<>();
        NeuralSpec r = resolved();
        atLeast(out, path, "width", r.width, 1);
        atLeast(out, path, "depth", r.depth, 1);
        positive(out, path, "learningRate", r.learningRate);
        atLeast(out, path, "batchSize", r.batchSize, 1);
        if (r.batchSize >= 1 && r.replayCapacity < r.batchSize) {
            out.add(new Problem(JsonPointers.child(path, "replayCapacity"), "the replay must hold at least one batch ("
                    + r.batchSize + " transitions), is " + r.replayCapacity));
        }
        atLeast(out, path, "warmup", r.warmup, 0);
        atLeast(out, path, "trainEvery", r.trainEvery, 1);
        if (targetPeriod != null && polyakTau != null) {
            out.add(new Problem(JsonPointers.child(path, "polyakTau"),
                    "give targetPeriod (a hard copy every so many steps) or polyakTau (averaging), not both"));
        }
        if (r.targetPeriod != null) {
            atLeast(out, path, "targetPeriod", r.targetPeriod, 1);
        }
        if (r.polyakTau != null && !(r.polyakTau > 0 && r.polyakTau <= 1)) {
            out.add(new Problem(JsonPointers.child(path, "polyakTau"), "polyakTau must be in (0, 1], is "
                    + ParameterReader.number(r.polyakTau)));
        }
        positive(out, path, "huberDelta", r.huberDelta);
        if (!SCALAR_MODES.contains(r.scalarMode)) {
            out.add(new Problem(JsonPointers.child(path, "scalarMode"), "unknown scalar mode \"" + r.scalarMode + "\""
                    + DidYouMean.suffix(r.scalarMode, SCALAR_MODES) + " (known: " + String.join(", ", SCALAR_MODES) + ")"));
        }
        atLeast(out, path, "mirrorRefresh", r.mirrorRefresh, 1);
        atLeast(out, path, "requeryMemory", r.requeryMemory, 1);
        return out;
    }

    private static void atLeast(List<Problem> out, String path, String field, int value, int min) {
        if (value < min) {
            out.add(new Problem(JsonPointers.child(path, field), field + " must be at least " + min + ", is " + value));
        }
    }

    private static void positive(List<Problem> out, String path, String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            out.add(new Problem(JsonPointers.child(path, field), field + " must be a positive number, is "
                    + ParameterReader.number(value)));
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static java.lang.reflect.RecordComponent component(String name) {
        for (java.lang.reflect.RecordComponent rc : NeuralSpec.class.getRecordComponents()) {
            if (rc.getName().equals(name)) {
                return rc;
            }
        }
        return null;
    }

    private static NeuralSpec fromTree(ObjectNode tree) {
        try {
            return WorkflowJson.mapper().treeToValue(tree, NeuralSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a neural setting: " + e.getOriginalMessage(), e);
        }
    }
}
