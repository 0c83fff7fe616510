package dev.handoff.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.observe.InvalidFeatureException;
import dev.handoff.policy.AgentPolicy;
import dev.handoff.trace.TraceFormat;
import dev.handoff.trace.TraceWriter;
import dev.handoff.workflow.DidYouMean;
import dev.handoff.workflow.FeatureSpec;

import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;

/**
 * What one agent's service answers, as JSON in and out (docs/serve.openapi.yaml), apart from HTTP: {@code act} (the
 * greedy action at the view the request's features and private state make, its Q-values and the scalar sent back),
 * {@code outcome} (what the decision led to, appended to the trace), {@code policy} and {@code health}. Every refused
 * request names the offending field. Safe from many threads at once.
 */
final class AgentService {
    private static final Set<String> ACT_FIELDS = Set.of(TraceFormat.HANDOFF_ID, TraceFormat.FEATURES, TraceFormat.PRIVATE_STATE);
    private static final Set<String> OUTCOME_FIELDS = Set.of(TraceFormat.HANDOFF_ID, TraceFormat.REWARD, TraceFormat.TAU,
            TraceFormat.NEXT_HANDOFF_ID, TraceFormat.SCALAR_RECEIVED);

    private final ServedAgent agent;
    private final TraceWriter log;
    private final ObjectMapper json;

    /** @param log where decisions and outcomes are appended (flushed per line), or null for none */
    AgentService(ServedAgent agent, TraceWriter log, ObjectMapper json) {
        this.agent = agent;
        this.log = log;
        this.json = json;
    }

    ObjectNode health() {
        ObjectNode out = json.createObjectNode();
        out.put("status", "ok");
        out.put("agent", agent.agentId());
        out.put("learner", agent.policy().learner());
        out.put("logging", log != null);
        return out;
    }

    ObjectNode policy() {
        AgentPolicy p = agent.policy();
        ObjectNode out = json.createObjectNode();
        out.put("agent", p.agentId());
        out.put("agentName", p.agentName());
        out.put("learner", p.learner());
        out.put("bundleHash", agent.bundleHash());
        out.put("workflowHash", agent.workflowHash());
        ObjectNode iface = out.putObject("interface");
        ArrayNode features = iface.putArray("features");
        for (FeatureSpec f : agent.features().features()) {
            features.add(json.valueToTree(f));
        }
        if (agent.features().needsPrivateState()) {
            ObjectNode ps = iface.putObject("privateState");
            ps.put("name", agent.features().privateStateName());
            ps.put("values", agent.features().privateStateCount());
        } else {
            iface.putNull("privateState");
        }
        iface.put("viewCount", p.viewCount());
        ArrayNode actions = out.putArray("actions");
        for (int a = 0; a < p.actionCount(); a++) {
            actions.addObject().put("index", a).put("label", p.actionLabel(a));
        }
        return out;
    }

    ObjectNode act(JsonNode body) throws BadRequest, IOException {
        requireObject(body, ACT_FIELDS, "an act request");
        String handoffId = body.has(TraceFormat.HANDOFF_ID) ? id(body, TraceFormat.HANDOFF_ID)
                : agent.agentId() + "-" + UUID.randomUUID();
        double[] artifact;
        int privateState;
        try {
            artifact = agent.features().read(body.get(TraceFormat.FEATURES), "/" + TraceFormat.FEATURES);
            privateState = agent.features().readPrivateState(body.get(TraceFormat.PRIVATE_STATE), "/" + TraceFormat.PRIVATE_STATE);
        } catch (InvalidFeatureException e) {
            throw new BadRequest(e.path(), e.reason());
        }
        AgentPolicy p = agent.policy();
        int key = p.interfaceMap().key(artifact, privateState);
        AgentPolicy.Decision d = p.decide(key);
        double scalar = d.scalar();
        if (log != null) {
            log.decision(p.agentId(), handoffId, Instant.now().toString(), agent.features().json(artifact),
                    agent.features().needsPrivateState() ? privateState : null, d.action(), p.actionLabel(d.action()), scalar);
        }
        ObjectNode out = json.createObjectNode();
        out.put("agent", p.agentId());
        out.put(TraceFormat.HANDOFF_ID, handoffId);
        out.put("view", p.interfaceMap().describe(key));
        out.put("action", d.action());
        out.put("actionLabel", p.actionLabel(d.action()));
        ArrayNode q = out.putArray("q");
        for (double v : d.q()) {
            q.add(v);
        }
        out.put("scalar", scalar);
        return out;
    }

    /** Whether outcomes can be recorded (the service keeps a trace). */
    boolean logging() {
        return log != null;
    }

    ObjectNode outcome(JsonNode body) throws BadRequest, IOException {
        requireObject(body, OUTCOME_FIELDS, "an outcome");
        String handoffId = id(body, TraceFormat.HANDOFF_ID);
        double reward = finite(body, TraceFormat.REWARD);
        JsonNode t = body.get(TraceFormat.TAU);
        if (t == null || !t.isIntegralNumber() || !t.canConvertToInt() || t.intValue() < 1) {
            throw new BadRequest("/" + TraceFormat.TAU, t == null ? "missing: the option's duration, an integer ≥ 1"
                    : "expected the option's duration, an integer ≥ 1");
        }
        if (!body.has(TraceFormat.NEXT_HANDOFF_ID)) {
            throw new BadRequest("/" + TraceFormat.NEXT_HANDOFF_ID,
                    "missing: the handoff id by which the work went on, or null when it stopped");
        }
        String next = body.get(TraceFormat.NEXT_HANDOFF_ID).isNull() ? null : id(body, TraceFormat.NEXT_HANDOFF_ID);
        double received = finite(body, TraceFormat.SCALAR_RECEIVED);
        log.outcome(agent.agentId(), handoffId, Instant.now().toString(), reward, t.intValue(), next, received);
        ObjectNode out = json.createObjectNode();
        out.put("agent", agent.agentId());
        out.put(TraceFormat.HANDOFF_ID, handoffId);
        out.put("recorded", true);
        return out;
    }

    private static void requireObject(JsonNode body, Set<String> fields, String what) throws BadRequest {
        if (body == null || !body.isObject()) {
            throw new BadRequest("", "expected a JSON object (" + what + ")");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!fields.contains(name)) {
                throw new BadRequest("/" + name, "not a field of " + what + " (fields: " + fields.stream().sorted().toList()
                        + ")" + DidYouMean.suffix(name, fields));
            }
        }
    }

    private static String id(JsonNode body, String field) throws BadRequest {
        JsonNode v = body.get(field);
        if (v == null) {
            throw new BadRequest("/" + field, "missing");
        }
        if (!v.isTextual() || v.textValue().isEmpty() || v.textValue().length() > TraceFormat.MAX_ID_LENGTH) {
            throw new BadRequest("/" + field, "expected a string of 1 to " + TraceFormat.MAX_ID_LENGTH + " characters");
        }
        return v.textValue();
    }

    private static double finite(JsonNode body, String field) throws BadRequest {
        JsonNode v = body.get(field);
        if (v == null) {
            throw new BadRequest("/" + field, "missing");
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new BadRequest("/" + field, "expected a finite number");
        }
        return v.doubleValue();
    }
}
