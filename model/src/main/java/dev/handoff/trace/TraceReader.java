package dev.handoff.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.handoff.observe.InvalidFeatureException;
import dev.handoff.workflow.DidYouMean;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one agent's trace file, checking every line against the trace format (the rules of docs/trace.schema.json)
 * and against the workflow (a known agent, the features its interface reads within the schema's ranges, an action it
 * has), and joins each decision with its outcome through the handoff id. Every problem names the file, the line and
 * the JSON path; reading stops after {@link TraceFormat#MAX_PROBLEMS}.
 */
public final class TraceReader {
    private static final ObjectReader JSON = new ObjectMapper().readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> DECISION_FIELDS = Set.of(TraceFormat.TYPE, TraceFormat.AGENT, TraceFormat.HANDOFF_ID,
            TraceFormat.TIME, TraceFormat.FEATURES, TraceFormat.PRIVATE_STATE, TraceFormat.ACTION, TraceFormat.ACTION_LABEL,
            TraceFormat.SCALAR_SENT);
    private static final Set<String> OUTCOME_FIELDS = Set.of(TraceFormat.TYPE, TraceFormat.AGENT, TraceFormat.HANDOFF_ID,
            TraceFormat.TIME, TraceFormat.REWARD, TraceFormat.TAU, TraceFormat.NEXT_HANDOFF_ID, TraceFormat.SCALAR_RECEIVED);

    private final TraceAgents agents;
    private final HandoffIds ids;

    public TraceReader(TraceAgents agents, HandoffIds ids) {
        this.agents = agents;
        this.ids = ids;
    }

    /** A problem at a JSON path of the current line. */
    private static final class LineProblem extends Exception {
        private static final long serialVersionUID = 1L;

        LineProblem(String path, String message) {
            super(path.isEmpty() ? message : path + ": " + message, null, false, false);
        }
    }

    /** Reads and checks {@code file}: one agent's complete handoffs, or every problem found. */
    public AgentTrace read(Path file) throws IOException, TraceFormatException {
        Parse p = new Parse(file);
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader r = new InputStreamReader(Files.newInputStream(file), decoder)) {
            readLines(r, p);
        } catch (CharacterCodingException e) {
            p.problem(p.lines + 1, "", "not UTF-8 text");
        }
        if (p.problems.isEmpty() && p.agent == null) {
            p.problems.add(file + ": no records (an agent's trace has one JSON object per line)");
        }
        if (!p.problems.isEmpty()) {
            throw new TraceFormatException(p.problems);
        }
        return p.join();
    }

    /** Hands each line of {@code r} to {@code p}; a line over the length cap is reported, not kept. */
    private static void readLines(Reader r, Parse p) throws IOException {
        char[] buffer = new char[1 << 16];
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        int n;
        while ((n = r.read(buffer)) > 0) {
            int start = 0;
            for (int k = 0; k < n; k++) {
                if (buffer[k] == '\n') {
                    if (!tooLong) {
                        line.append(buffer, start, k - start);
                    }
                    p.endLine(line, tooLong);
                    if (p.problems.size() >= TraceFormat.MAX_PROBLEMS) {
                        return;
                    }
                    line.setLength(0);
                    tooLong = false;
                    start = k + 1;
                }
            }
            if (!tooLong) {
                line.append(buffer, start, n - start);
                if (line.length() > TraceFormat.MAX_LINE_LENGTH) {
                    tooLong = true;
                    line.setLength(0);
                }
            }
        }
        if (line.length() > 0 || tooLong) {
            p.endLine(line, tooLong);
        }
    }

    /** The state of reading one file. */
    private final class Parse {
        private final Path file;
        private final List<String> problems = new ArrayList<>();
        private TraceAgents.Agent agent;
        private long agentLine;
        private final Map<String, Integer> decisionOf = new HashMap<>();
        private final Map<String, Long> orphanLine = new HashMap<>();
        private long[] decisionLine = new long[1024];
        private long[] outcomeLine = new long[1024];
        private int decisions;
        private int[] handoff = new int[1024];
        private int[] view = new int[1024];
        private int[] action = new int[1024];
        private boolean[] complete = new boolean[1024];
        private double[] reward = new double[1024];
        private int[] tau = new int[1024];
        private int[] next = new int[1024];
        private double[] scalarReceived = new double[1024];
        private long outcomes;
        private long orphans;

        Parse(Path file) {
            this.file = file;
        }

        private long lines;

        void endLine(CharSequence text, boolean tooLong) {
            lines++;
            if (tooLong || text.length() > TraceFormat.MAX_LINE_LENGTH) {
                problem(lines, "", "line longer than " + TraceFormat.MAX_LINE_LENGTH + " characters");
            } else {
                line(lines, text);
            }
        }

        void problem(long line, String path, String message) {
            problems.add(file + ":" + line + ": " + (path.isEmpty() ? "" : path + ": ") + message);
        }

        void line(long number, CharSequence text) {
            if (text.toString().isBlank()) {
                return;
            }
            try {
                JsonNode node;
                try {
                    node = JSON.readValue(text.toString());
                } catch (JsonProcessingException e) {
                    throw new LineProblem("", "malformed JSON: " + e.getOriginalMessage());
                }
                record(number, node);
            } catch (LineProblem e) {
                problems.add(file + ":" + number + ": " + e.getMessage());
            }
        }

        private void record(long number, JsonNode node) throws LineProblem {
            if (!node.isObject()) {
                throw new LineProblem("", "expected a JSON object (one trace record per line)");
            }
            String type = text(node, TraceFormat.TYPE, Integer.MAX_VALUE);
            boolean decision = TraceFormat.DECISION.equals(type);
            if (!decision && !TraceFormat.OUTCOME.equals(type)) {
                throw new LineProblem("/" + TraceFormat.TYPE, "expected \"decision\" or \"outcome\", got \"" + type + "\"");
            }
            Set<String> allowed = decision ? DECISION_FIELDS : OUTCOME_FIELDS;
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw new LineProblem("/" + name, "not a field of a" + (decision ? " decision" : "n outcome") + " record"
                            + DidYouMean.suffix(name, allowed));
                }
            }
            String agentId = text(node, TraceFormat.AGENT, TraceFormat.MAX_ID_LENGTH);
            String handoffId = text(node, TraceFormat.HANDOFF_ID, TraceFormat.MAX_ID_LENGTH);
            if (node.has(TraceFormat.TIME) || decision) {
                time(node);
            }
            if (agent == null) {
                agent = agents.agent(agentId);
                if (agent == null) {
                    throw new LineProblem("/" + TraceFormat.AGENT, "no agent \"" + agentId + "\" in the workflow (agents: "
                            + agents.ids() + ")" + DidYouMean.suffix(agentId, agents.ids()));
                }
                agentLine = number;
            } else if (!agent.id().equals(agentId)) {
                throw new LineProblem("/" + TraceFormat.AGENT, "a trace file holds one agent's records: line " + agentLine
                        + " is agent \"" + agent.id() + "\"'s, this one \"" + agentId + "\"'s");
            }
            if (decision) {
                decision(number, node, handoffId);
            } else {
                outcome(number, node, handoffId);
            }
        }

        private void decision(long number, JsonNode node, String handoffId) throws LineProblem {
            double[] artifact;
            int privateState;
            try {
                artifact = agent.features().read(node.get(TraceFormat.FEATURES), "/" + TraceFormat.FEATURES);
                JsonNode p = node.get(TraceFormat.PRIVATE_STATE);
                if (p != null && (!p.isIntegralNumber() || !p.canConvertToInt() || p.intValue() < 0)) {
                    throw new InvalidFeatureException("/" + TraceFormat.PRIVATE_STATE, "expected an integer ≥ 0");
                }
                privateState = agent.features().readPrivateState(p, "/" + TraceFormat.PRIVATE_STATE);
            } catch (InvalidFeatureException e) {
                throw new LineProblem(e.path(), e.reason());
            }
            JsonNode a = node.get(TraceFormat.ACTION);
            if (a == null) {
                throw new LineProblem("/" + TraceFormat.ACTION, "missing");
            }
            if (!a.isIntegralNumber() || !a.canConvertToInt() || a.intValue() < 0) {
                throw new LineProblem("/" + TraceFormat.ACTION, "expected an action index (an integer ≥ 0)");
            }
            if (a.intValue() >= agent.actionCount()) {
                throw new LineProblem("/" + TraceFormat.ACTION, a.intValue() + " is not an action of agent " + agent.id()
                        + " (it has " + agent.actionCount() + ": 0.." + (agent.actionCount() - 1) + ")");
            }
            if (node.has(TraceFormat.ACTION_LABEL)) {
                text(node, TraceFormat.ACTION_LABEL, TraceFormat.MAX_ID_LENGTH);
            }
            if (node.has(TraceFormat.SCALAR_SENT)) {
                number(node, TraceFormat.SCALAR_SENT);
            }
            Integer earlier = decisionOf.putIfAbsent(handoffId, decisions);
            if (earlier != null) {
                throw new LineProblem("/" + TraceFormat.HANDOFF_ID, "handoff \"" + handoffId + "\" was already decided at line "
                        + decisionLine[earlier]);
            }
            grow(decisions + 1);
            decisionLine[decisions] = number;
            handoff[decisions] = ids.of(handoffId);
            view[decisions] = agent.features().map().key(artifact, privateState);
            action[decisions] = a.intValue();
            decisions++;
        }

        private void outcome(long number, JsonNode node, String handoffId) throws LineProblem {
            double r = number(node, TraceFormat.REWARD);
            JsonNode t = node.get(TraceFormat.TAU);
            if (t == null) {
                throw new LineProblem("/" + TraceFormat.TAU, "missing");
            }
            if (!t.isIntegralNumber() || !t.canConvertToInt() || t.intValue() < 1) {
                throw new LineProblem("/" + TraceFormat.TAU, "expected the option's duration, an integer ≥ 1");
            }
            if (!node.has(TraceFormat.NEXT_HANDOFF_ID)) {
                throw new LineProblem("/" + TraceFormat.NEXT_HANDOFF_ID,
                        "missing (the handoff id by which the work went on, or null when it stopped)");
            }
            JsonNode n = node.get(TraceFormat.NEXT_HANDOFF_ID);
            String nextId = n.isNull() ? null : text(node, TraceFormat.NEXT_HANDOFF_ID, TraceFormat.MAX_ID_LENGTH);
            double m = number(node, TraceFormat.SCALAR_RECEIVED);
            Integer d = decisionOf.get(handoffId);
            Long earlier = d == null ? orphanLine.putIfAbsent(handoffId, number) : complete[d] ? (Long) outcomeLine[d] : null;
            if (earlier != null) {
                throw new LineProblem("/" + TraceFormat.HANDOFF_ID, "the outcome of handoff \"" + handoffId
                        + "\" was already given at line " + earlier);
            }
            outcomes++;
            if (d == null) {
                orphans++;
                return;
            }
            complete[d] = true;
            outcomeLine[d] = number;
            reward[d] = r;
            tau[d] = t.intValue();
            next[d] = nextId == null ? -1 : ids.of(nextId);
            scalarReceived[d] = m;
        }

        private String text(JsonNode node, String field, int maxLength) throws LineProblem {
            JsonNode v = node.get(field);
            if (v == null) {
                throw new LineProblem("/" + field, "missing");
            }
            if (!v.isTextual()) {
                throw new LineProblem("/" + field, "expected a string");
            }
            String s = v.textValue();
            if (s.isEmpty() || s.length() > maxLength) {
                throw new LineProblem("/" + field, "expected 1 to " + maxLength + " characters, got " + s.length());
            }
            return s;
        }

        private double number(JsonNode node, String field) throws LineProblem {
            JsonNode v = node.get(field);
            if (v == null) {
                throw new LineProblem("/" + field, "missing");
            }
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                throw new LineProblem("/" + field, "expected a finite number");
            }
            return v.doubleValue();
        }

        private void time(JsonNode node) throws LineProblem {
            String s = text(node, TraceFormat.TIME, TraceFormat.MAX_ID_LENGTH);
            try {
                OffsetDateTime.parse(s);
            } catch (DateTimeParseException e) {
                throw new LineProblem("/" + TraceFormat.TIME, "expected an RFC 3339 date-time such as "
                        + "2026-05-01T12:00:00.250Z, got \"" + s + "\"");
            }
        }

        private void grow(int needed) {
            if (needed <= handoff.length) {
                return;
            }
            int n = Math.max(needed, handoff.length * 2);
            handoff = java.util.Arrays.copyOf(handoff, n);
            view = java.util.Arrays.copyOf(view, n);
            action = java.util.Arrays.copyOf(action, n);
            decisionLine = java.util.Arrays.copyOf(decisionLine, n);
            outcomeLine = java.util.Arrays.copyOf(outcomeLine, n);
            complete = java.util.Arrays.copyOf(complete, n);
            reward = java.util.Arrays.copyOf(reward, n);
            tau = java.util.Arrays.copyOf(tau, n);
            next = java.util.Arrays.copyOf(next, n);
            scalarReceived = java.util.Arrays.copyOf(scalarReceived, n);
        }

        /** The complete handoffs, in decision order. */
        AgentTrace join() {
            int k = 0;
            for (int d = 0; d < decisions; d++) {
                if (complete[d]) {
                    handoff[k] = handoff[d];
                    view[k] = view[d];
                    action[k] = action[d];
                    reward[k] = reward[d];
                    tau[k] = tau[d];
                    next[k] = next[d];
                    scalarReceived[k] = scalarReceived[d];
                    k++;
                }
            }
            return new AgentTrace(file, agent.id(), agent.index(), k, handoff, view, action, reward, tau, next, scalarReceived,
                    decisions, outcomes, orphans);
        }
    }
}
