package dev.handoff.observe;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.DidYouMean;
import dev.handoff.workflow.FeatureSpec;
import dev.handoff.workflow.JsonPointers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An agent's interface features by name, as its service's requests and its traces carry them: exactly the artifact
 * features its interface observation reads (nothing it cannot see), each as the JSON its type calls for (an integer, a
 * number, a boolean or a category label) inside the artifact schema's range, plus its private state when the
 * interface includes it. Reading checks all of that and names the offending field; writing turns a view back into
 * such features.
 */
public final class InterfaceFeatures {
    private static final com.fasterxml.jackson.core.JsonFactory JSON_FACTORY = new com.fasterxml.jackson.core.JsonFactory();
    private final String agentId;
    private final InterfaceMap map;
    private final int artifactSize;
    private final List<FeatureSpec> seen;
    private final int[] seenIndex;
    private final List<String> seenNames;
    private final Set<String> artifactNames;
    private final String privateName;

    private InterfaceFeatures(String agentId, InterfaceMap map, ArtifactSchema schema, String privateName) {
        this.agentId = agentId;
        this.map = map;
        this.artifactSize = schema.features().size();
        Set<Integer> indices = new LinkedHashSet<>();
        for (int t = 0; t < map.termCount(); t++) {
            indices.add(map.featureIndex(t));
        }
        this.seen = new ArrayList<>();
        this.seenIndex = new int[indices.size()];
        int k = 0;
        for (int fi : indices) {
            seen.add(schema.features().get(fi));
            seenIndex[k++] = fi;
        }
        this.seenNames = seen.stream().map(FeatureSpec::name).toList();
        this.artifactNames = new LinkedHashSet<>(schema.features().stream().map(FeatureSpec::name).toList());
        this.privateName = privateName;
    }

    /** The features of {@code agent}'s interface in {@code schema}. */
    public static InterfaceFeatures of(ArtifactSchema schema, AgentSpec agent) {
        InterfaceMap map = InterfaceMap.compile(schema, agent);
        String privateName = agent.privateState() != null && agent.privateState().name() != null
                && !agent.privateState().name().isBlank() ? agent.privateState().name() : "private";
        return new InterfaceFeatures(agent.id(), map, schema, privateName);
    }

    public String agentId() {
        return agentId;
    }

    /** The compiled interface map these features feed. */
    public InterfaceMap map() {
        return map;
    }

    /** The features this agent sees, in the order its interface first reads them. */
    public List<FeatureSpec> features() {
        return seen;
    }

    /** Whether a view needs the agent's private state (its interface includes it). */
    public boolean needsPrivateState() {
        return map.includesPrivateState();
    }

    /** How many values the private state has in the view (1 when it is not part of it). */
    public int privateStateCount() {
        return map.privateStateCount();
    }

    /** What the private state is called (for messages and documentation). */
    public String privateStateName() {
        return privateName;
    }

    /**
     * Reads a JSON object of feature values by name into an artifact vector (schema order; features this agent does
     * not see are 0).
     *
     * @param path JSON Pointer of {@code features}, for messages
     */
    public double[] read(JsonNode features, String path) throws InvalidFeatureException {
        if (features == null || features.isMissingNode() || features.isNull()) {
            throw new InvalidFeatureException(path, "missing: agent " + agentId + " needs its features " + seenNames);
        }
        if (!features.isObject()) {
            throw new InvalidFeatureException(path, "expected an object of feature values by name, e.g. "
                    + example() + ", got " + kindOf(features));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = features.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!seenNames.contains(name)) {
                String why = artifactNames.contains(name)
                        ? "agent " + agentId + " does not see this feature (its interface reads " + seenNames + ")"
                        : "not a feature of the artifact; agent " + agentId + " sees " + seenNames;
                throw new InvalidFeatureException(JsonPointers.child(path, name), why + DidYouMean.suffix(name, seenNames));
            }
        }
        double[] artifact = new double[artifactSize];
        for (int k = 0; k < seen.size(); k++) {
            FeatureSpec f = seen.get(k);
            String at = JsonPointers.child(path, f.name());
            JsonNode v = features.get(f.name());
            if (v == null) {
                throw new InvalidFeatureException(at, "missing: agent " + agentId + " sees " + seenNames);
            }
            artifact[seenIndex[k]] = value(f, v, at);
        }
        return artifact;
    }

    private static double value(FeatureSpec f, JsonNode v, String at) throws InvalidFeatureException {
        switch (f.type()) {
            case BOOL -> {
                if (!v.isBoolean()) {
                    throw new InvalidFeatureException(at, "expected true or false, got " + kindOf(v));
                }
                return v.booleanValue() ? 1 : 0;
            }
            case CATEGORY -> {
                if (!v.isTextual()) {
                    throw new InvalidFeatureException(at, "expected one of the labels " + f.categories() + ", got " + kindOf(v));
                }
                int index = f.categories().indexOf(v.textValue());
                if (index < 0) {
                    throw new InvalidFeatureException(at, "\"" + v.textValue() + "\" is not one of " + f.categories()
                            + DidYouMean.suffix(v.textValue(), f.categories()));
                }
                return index;
            }
            case INT -> {
                if (!v.isNumber() || v.doubleValue() != Math.rint(v.doubleValue())) {
                    throw new InvalidFeatureException(at, "expected an integer, got " + kindOf(v));
                }
                return inRange(f, v.doubleValue(), at);
            }
            default -> {
                if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                    throw new InvalidFeatureException(at, "expected a number, got " + kindOf(v));
                }
                return inRange(f, v.doubleValue(), at);
            }
        }
    }

    private static double inRange(FeatureSpec f, double x, String at) throws InvalidFeatureException {
        if (x < f.lo() || x > f.hi()) {
            throw new InvalidFeatureException(at, number(x) + " is outside the feature's range [" + number(f.lo()) + ", "
                    + number(f.hi()) + "]");
        }
        return x;
    }

    /**
     * Reads the private state: required (an integer in {@code 0..count-1}) when the view includes it, and then
     * checked; when the view does not include it, absent or any such integer is accepted and 0 is returned.
     */
    public int readPrivateState(JsonNode node, String path) throws InvalidFeatureException {
        boolean absent = node == null || node.isMissingNode() || node.isNull();
        if (absent) {
            if (needsPrivateState()) {
                throw new InvalidFeatureException(path, "missing: agent " + agentId + "'s view includes its private state \""
                        + privateName + "\" (an integer 0.." + (privateStateCount() - 1) + ")");
            }
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidFeatureException(path, "expected an integer, got " + kindOf(node));
        }
        int p = node.intValue();
        if (needsPrivateState() && (p < 0 || p >= privateStateCount())) {
            throw new InvalidFeatureException(path, p + " is outside " + privateName + "'s values 0.."
                    + (privateStateCount() - 1));
        }
        return needsPrivateState() ? p : 0;
    }

    /** Writes the features this agent sees of {@code artifact} as a JSON object (the inverse of {@link #read}). */
    public void write(double[] artifact, JsonGenerator out) throws IOException {
        out.writeStartObject();
        for (int k = 0; k < seen.size(); k++) {
            FeatureSpec f = seen.get(k);
            double x = artifact[seenIndex[k]];
            out.writeFieldName(f.name());
            switch (f.type()) {
                case BOOL -> out.writeBoolean(x != 0);
                case CATEGORY -> out.writeString(f.categories().get((int) Math.round(x)));
                case INT -> out.writeNumber(Math.round(x));
                default -> out.writeNumber(x);
            }
        }
        out.writeEndObject();
    }

    /** The same object as {@link #write}, as a JSON text (e.g. {@code {"progress":3}}). */
    public String json(double[] artifact) {
        java.io.StringWriter text = new java.io.StringWriter();
        try (JsonGenerator g = JSON_FACTORY.createGenerator(text)) {
            write(artifact, g);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * An artifact whose features this agent sees map to view {@code key} (with the private state the key holds): what a
     * simulator writes to the agent's trace, since it knows the view rather than the features behind it.
     *
     * @throws IllegalArgumentException when no artifact inside the schema maps back to the key (two terms reading the
     *                                  same feature in ways that no single value satisfies)
     */
    public double[] artifactOfView(int key) {
        int[] parts = map.decode(key);
        double[] artifact = new double[artifactSize];
        for (int t = 0; t < map.termCount(); t++) {
            artifact[map.featureIndex(t)] = map.representativeValue(t, parts[t]);
        }
        int privateState = parts[map.termCount()];
        if (map.key(artifact, privateState) != key) {
            throw new IllegalArgumentException("agent " + agentId + ": view " + map.describe(key)
                    + " cannot be written as one value per feature");
        }
        return artifact;
    }

    /** The private state held in view {@code key} (0 when the view does not include it). */
    public int privateStateOfView(int key) {
        return map.decode(key)[map.termCount()];
    }

    private String example() {
        StringBuilder sb = new StringBuilder("{");
        for (FeatureSpec f : seen) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('"').append(f.name()).append("\": ").append(switch (f.type()) {
                case BOOL -> "true";
                case CATEGORY -> f.categories().isEmpty() ? "\"?\"" : "\"" + f.categories().get(0) + "\"";
                default -> number(f.lo());
            });
        }
        return sb.append('}').toString();
    }

    private static String kindOf(JsonNode v) {
        if (v.isTextual()) {
            String t = v.textValue();
            return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
        }
        if (v.isNumber()) {
            return number(v.doubleValue());
        }
        if (v.isContainerNode()) {
            return v.isArray() ? "an array" : "an object";
        }
        return v.toString();
    }

    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
