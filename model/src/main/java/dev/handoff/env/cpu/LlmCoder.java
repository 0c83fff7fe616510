package dev.handoff.env.cpu;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.cpu.Assembler;
import dev.handoff.cpu.AssemblyException;
import dev.handoff.cpu.DecodedProgram;
import dev.handoff.cpu.HackersDelightTask;
import dev.handoff.cpu.Machine;
import dev.handoff.cpu.PeepholeOptimizer;
import dev.handoff.cpu.Program;
import dev.handoff.env.llm.ChatCompletionsClient;
import dev.handoff.env.llm.LiveCallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live-mode coder: an OpenAI-compatible chat model (through {@link ChatCompletionsClient}: time-outs, retries with
 * back-off) writes RV32IM assembly for a task, which is assembled and run on the public vectors like the
 * synthesiser's output (the judge still decides on every vector). One answer per task (temperature 0), appended to a
 * replay file the moment it arrives; a replay file alone answers offline. New calls stop at the spend cap.
 */
public final class LlmCoder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LlmCoder.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line of the replay file: the model's reply for a task. */
    public record ReplayEntry(String task, String model, String reply) {
    }

    /**
     * The coder's work on one task.
     *
     * @param program       the assembled program (null when the reply did not assemble or no answer could be had)
     * @param problem       why there is no program (assembly error, failed call, spend cap), else null
     * @param publicPassed  public vectors the program passes
     * @param instructions  RV32IM instructions executed checking it on the public vectors
     */
    public record Attempt(String taskId, String reply, Program program, DecodedProgram raw, DecodedProgram optimized,
                          String problem, int publicPassed, int publicTotal, long instructions, boolean replayed) {
        public boolean assembles() {
            return program != null;
        }

        public boolean passesPublic() {
            return program != null && publicPassed == publicTotal;
        }
    }

    private final ChatCompletionsClient client;
    private final String model;
    private final double spendCapDollars;
    private final double inputPerMTok;
    private final double outputPerMTok;
    private final Map<String, String> replies = new HashMap<>();
    private final Map<String, Attempt> attempts = new HashMap<>();
    private final Writer replayOut;
    private final Path replayFile;
    private final Machine machine = new Machine();
    private double spent;
    private long calls;

    /**
     * @param client        the live endpoint, or null to answer from the replay file only
     * @param replayFile    answers already recorded are read from it; new live answers are appended (required when live)
     * @param inputPerMTok  dollars per million prompt tokens (for the spend cap)
     * @param outputPerMTok dollars per million completion tokens
     */
    public LlmCoder(ChatCompletionsClient client, Path replayFile, double inputPerMTok, double outputPerMTok) {
        if (client != null && replayFile == null) {
            throw new IllegalArgumentException("live mode needs a replayFile, so every live answer is recorded");
        }
        this.client = client;
        this.model = client == null ? null : client.endpoint().modelId();
        this.spendCapDollars = client == null ? 0 : client.endpoint().spendCapDollars();
        this.inputPerMTok = inputPerMTok;
        this.outputPerMTok = outputPerMTok;
        this.replayFile = replayFile;
        try {
            if (replayFile != null && Files.isRegularFile(replayFile)) {
                for (String line : Files.readAllLines(replayFile, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        ReplayEntry e = JSON.readValue(line, ReplayEntry.class);
                        replies.put(e.task(), e.reply());
                    }
                }
            }
            if (client != null) {
                if (replayFile.getParent() != null) {
                    Files.createDirectories(replayFile.getParent());
                }
                replayOut = Files.newBufferedWriter(replayFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            } else {
                replayOut = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use replay file " + replayFile, e);
        }
    }

    /** The prompt for a task: what to compute (the reference formula is the specification), the ABI, examples. */
    public static String prompt(HackersDelightTask t) {
        StringBuilder sb = new StringBuilder();
        sb.append("Write a straight-line RV32IM assembly program (RISC-V 32-bit, integer and M extension).\n");
        sb.append("Task: ").append(t.description()).append('\n');
        sb.append("Specification (SMT-LIB bit-vector expression over 32-bit values): ").append(t.reference()).append('\n');
        sb.append("The arguments ").append(String.join(", ", t.params())).append(" arrive in registers ");
        for (int k = 0; k < t.arity(); k++) {
            sb.append(k == 0 ? "" : ", ").append("a").append(k);
        }
        sb.append("; leave the result in a0").append(t.returnsBool() ? " (1 for true, 0 for false)" : "").append(".\n");
        sb.append("Examples (hex, arguments -> result):\n");
        int shown = Math.min(4, t.publicVectors().size());
        for (int r = 0; r < shown; r++) {
            for (int k = 0; k < t.arity(); k++) {
                sb.append(k == 0 ? "  " : ", ").append(String.format(Locale.ROOT, "0x%08x", t.publicVectors().argument(k, r)));
            }
            sb.append(String.format(Locale.ROOT, " -> 0x%08x%n", t.publicVectors().expected(r)));
        }
        sb.append("Reply with only the assembly in one ```asm code block; no ret, no function prologue.");
        return sb.toString();
    }

    /** The assembly in a reply: the first fenced code block if there is one, else the whole reply. */
    public static String extractAssembly(String reply) {
        int open = reply.indexOf("```");
        if (open < 0) {
            return reply;
        }
        int lineEnd = reply.indexOf('\n', open);
        if (lineEnd < 0) {
            return "";
        }
        int close = reply.indexOf("```", lineEnd);
        return close < 0 ? reply.substring(lineEnd + 1) : reply.substring(lineEnd + 1, close);
    }

    /** The coder's attempt at a task: asked once (or replayed), then memoised for the rest of the run. */
    public synchronized Attempt code(HackersDelightTask t) {
        Attempt a = attempts.get(t.id());
        if (a == null) {
            a = attempt(t);
            attempts.put(t.id(), a);
        }
        return a;
    }

    private Attempt attempt(HackersDelightTask t) {
        String reply = replies.get(t.id());
        boolean replayed = reply != null;
        if (reply == null) {
            if (client == null) {
                return failed(t, null, "no recorded answer for " + t.id() + " in " + replayFile + " (and no live endpoint)", false);
            }
            if (spent >= spendCapDollars) {
                return failed(t, null, String.format(Locale.ROOT, "spend cap of $%.4f reached ($%.4f spent)",
                    spendCapDollars, spent), false);
            }
            ChatCompletionsClient.Completion c;
            try {
                c = client.complete(prompt(t));
            } catch (LiveCallException e) {
                LOG.warn("live coder: no answer for {}: {}", t.id(), e.getMessage());
                return failed(t, null, e.getMessage(), false);
            }
            calls++;
            spent += cost(c);
            reply = c.text();
            replies.put(t.id(), reply);
            append(new ReplayEntry(t.id(), model, reply));
        }
        Program p;
        try {
            p = Assembler.assemble(extractAssembly(reply));
        } catch (AssemblyException e) {
            return failed(t, reply, "does not assemble: line " + e.line() + ": " + e.getMessage(), replayed);
        }
        if (p.length() == 0) {
            return failed(t, reply, "no instructions in the reply", replayed);
        }
        DecodedProgram raw = DecodedProgram.decode(p);
        long before = machine.stepsExecuted();
        int pub = t.publicVectors().countPassing(raw, machine, Machine.DEFAULT_STEP_LIMIT);
        long instructions = machine.stepsExecuted() - before;
        DecodedProgram opt = p.isStraightLine() ? DecodedProgram.decode(PeepholeOptimizer.optimize(p)) : raw;
        return new Attempt(t.id(), reply, p, raw, opt, null, pub, t.publicVectors().size(), instructions, replayed);
    }

    private Attempt failed(HackersDelightTask t, String reply, String problem, boolean replayed) {
        return new Attempt(t.id(), reply, null, null, null, problem, 0, t.publicVectors().size(), 0, replayed);
    }

    private double cost(ChatCompletionsClient.Completion c) {
        long in = Math.max(0, c.promptTokens());
        long out = c.completionTokens() >= 0 ? c.completionTokens() : c.text().length() / 4;
        return (in * inputPerMTok + out * outputPerMTok) / 1e6;
    }

    private void append(ReplayEntry e) {
        try {
            replayOut.write(JSON.writeValueAsString(e));
            replayOut.write('\n');
            replayOut.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot append to replay file " + replayFile, ex);
        }
    }

    /** Dollars spent on live calls in this run. */
    public synchronized double spent() {
        return spent;
    }

    /** Live calls that returned an answer in this run. */
    public synchronized long calls() {
        return calls;
    }

    /** Recorded answers for these task ids (from the replay file or this run). */
    public synchronized List<String> answeredTasks() {
        return replies.keySet().stream().sorted().toList();
    }

    @Override
    public synchronized void close() {
        if (replayOut != null) {
            try {
                replayOut.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
