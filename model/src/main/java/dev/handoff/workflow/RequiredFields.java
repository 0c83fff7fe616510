package dev.handoff.workflow;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The fields a workflow document cannot do without, checked on the JSON tree after binding so a missing section
 * or a missing number (which Jackson would silently read as 0) becomes a {@link Problem} with its path.
 */
final class RequiredFields {
    private RequiredFields() {
    }

    static List<Problem> missing(JsonNode root) {
        List<Problem> out = new ArrayList<>();
        require(out, root, "", "artifact", "agents", "handoffs", "environment", "training");

        JsonNode artifact = root.path("artifact");
        require(out, artifact, "/artifact", "features");
        forEach(artifact.path("features"), "/artifact/features", (f, p) -> require(out, f, p, "name", "type"));

        forEach(root.path("agents"), "/agents", (a, p) -> {
            require(out, a, p, "id");
            forEach(a.path("options"), p + "/options", (o, op) -> require(out, o, op, "id"));
            JsonNode ps = a.path("privateState");
            if (ps.isObject()) {
                require(out, ps, p + "/privateState", "values");
            }
            forEach(a.path("observation").path("terms"), p + "/observation/terms",
                    (t, tp) -> require(out, t, tp, "feature"));
        });

        forEach(root.path("handoffs"), "/handoffs", (h, p) -> require(out, h, p, "from", "to"));

        require(out, root.path("environment"), "/environment", "kind");

        JsonNode training = root.path("training");
        require(out, training, "/training", "gamma", "stepSize", "epsilon", "handoffs");
        require(out, training.path("stepSize"), "/training/stepSize", "kind");
        require(out, training.path("epsilon"), "/training/epsilon", "start", "end", "decayHandoffs");

        JsonNode positions = root.path("layout").path("positions");
        if (positions.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = positions.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                require(out, e.getValue(), JsonPointers.child("/layout/positions", e.getKey()), "x", "y");
            }
        }
        return out;
    }

    private static void require(List<Problem> out, JsonNode obj, String path, String... names) {
        if (!obj.isObject()) {
            return; // the section itself is reported missing by its parent
        }
        for (String n : names) {
            JsonNode v = obj.get(n);
            if (v == null || v.isNull()) {
                out.add(new Problem(JsonPointers.child(path, n), "missing required field \"" + n + "\""));
            }
        }
    }

    private interface Visitor {
        void visit(JsonNode node, String path);
    }

    private static void forEach(JsonNode array, String path, Visitor v) {
        if (!array.isArray()) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            v.visit(array.get(i), JsonPointers.child(path, i));
        }
    }
}
