package dev.handoff.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends one agent's trace records, one JSON object per line, in the trace format (docs/trace.md,
 * docs/trace.schema.json): a {@code decision} line when the agent acts, an {@code outcome} line when it learns what
 * its option earned and which scalar the next holder sent back. A service's log flushes every line, so a crash loses
 * nothing written; a simulator's trace buffers. Safe to share between threads.
 */
public final class TraceWriter implements Closeable {
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final Writer out;
    private final JsonGenerator json;
    private final boolean flushEachLine;
    private long lines;

    private TraceWriter(Path file, Writer out, boolean flushEachLine) throws IOException {
        this.file = file;
        this.out = out;
        this.json = JSON.createGenerator(out);
        this.json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, true);
        this.flushEachLine = flushEachLine;
    }

    /** Opens {@code file} for appending (creating it and its folder), flushing every line or not. */
    public static TraceWriter append(Path file, boolean flushEachLine) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        return new TraceWriter(file, w, flushEachLine);
    }

    /**
     * A decision: the agent, the handoff by which the work reached it, when, the features it saw (a JSON object, see
     * {@link dev.handoff.observe.InterfaceFeatures#json}), its private state (null when its view has none), the action
     * it took with its label, and the scalar it sent back to whoever handed it the work.
     */
    public synchronized void decision(String agent, String handoffId, String time, String featuresJson, Integer privateState,
                                      int action, String actionLabel, double scalarSent) throws IOException {
        json.writeStartObject();
        json.writeStringField(TraceFormat.TYPE, TraceFormat.DECISION);
        json.writeStringField(TraceFormat.AGENT, agent);
        json.writeStringField(TraceFormat.HANDOFF_ID, handoffId);
        json.writeStringField(TraceFormat.TIME, time);
        json.writeFieldName(TraceFormat.FEATURES);
        json.writeRawValue(featuresJson);
        if (privateState != null) {
            json.writeNumberField(TraceFormat.PRIVATE_STATE, privateState);
        }
        json.writeNumberField(TraceFormat.ACTION, action);
        if (actionLabel != null) {
            json.writeStringField(TraceFormat.ACTION_LABEL, actionLabel);
        }
        json.writeNumberField(TraceFormat.SCALAR_SENT, finite(scalarSent, TraceFormat.SCALAR_SENT));
        endLine();
    }

    /**
     * An outcome of the decision made on {@code handoffId}: the option reward R and duration τ, the handoff by which
     * the agent passed the work on ({@code null}: the work stopped), and the scalar it received for it (the next
     * holder's, or the terminal reward when the work stopped). {@code time} may be null.
     */
    public synchronized void outcome(String agent, String handoffId, String time, double reward, int tau,
                                     String nextHandoffId, double scalarReceived) throws IOException {
        if (tau < 1) {
            throw new IllegalArgumentException("tau must be at least 1, is " + tau);
        }
        json.writeStartObject();
        json.writeStringField(TraceFormat.TYPE, TraceFormat.OUTCOME);
        json.writeStringField(TraceFormat.AGENT, agent);
        json.writeStringField(TraceFormat.HANDOFF_ID, handoffId);
        if (time != null) {
            json.writeStringField(TraceFormat.TIME, time);
        }
        json.writeNumberField(TraceFormat.REWARD, finite(reward, TraceFormat.REWARD));
        json.writeNumberField(TraceFormat.TAU, tau);
        json.writeFieldName(TraceFormat.NEXT_HANDOFF_ID);
        if (nextHandoffId == null) {
            json.writeNull();
        } else {
            json.writeString(nextHandoffId);
        }
        json.writeNumberField(TraceFormat.SCALAR_RECEIVED, finite(scalarReceived, TraceFormat.SCALAR_RECEIVED));
        endLine();
    }

    private void endLine() throws IOException {
        json.writeEndObject();
        json.writeRaw('\n');
        lines++;
        if (flushEachLine) {
            json.flush();
        }
    }

    private static double finite(double x, String field) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(field + " must be a finite number, is " + x);
        }
        return x;
    }

    /** Lines written through this writer. */
    public synchronized long lines() {
        return lines;
    }

    public Path file() {
        return file;
    }

    public synchronized void flush() throws IOException {
        json.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        json.close();
    }
}
