package dev.handoff.fuzz;

import dev.handoff.checkpoint.CheckpointException;
import dev.handoff.input.InputException;
import dev.handoff.input.LimitExceededException;
import dev.handoff.policy.BundleException;
import dev.handoff.trace.TraceFormatException;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.WorkflowLoadException;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a loader may do with hostile input: accept it, or refuse it with a typed error whose message is plain lines of
 * {@code where: what} naming the file and a JSON Pointer or line (or the file as a whole for whole-file problems). Any
 * other exception, or an error, is a crash.
 */
final class Refusals {
    /** Jackson's and Java's internals that must never reach a person. */
    private static final List<String> LEAKS = List.of("Source: ", "REDACTED", "reference chain", "dev.handoff.",
            "com.fasterxml", "java.lang", "Exception", "\tat ");
    /** A JSON Pointer ("/a/0/b", or "" for the document). */
    private static final Pattern POINTER = Pattern.compile("(/[^/]*)*");
    /** file#/pointer: ..., file:line[:col]: ..., or file: ... (the file as a whole) */
    private static final Pattern LOCATED = Pattern.compile("^\\S.*?(#(/[^/:]*)*|:\\d+(:\\d+)?)?: \\S.*");

    private Refusals() {
    }

    /** The typed refusal inside {@code t}, or null when {@code t} is a crash. */
    static Throwable typed(Throwable t) {
        Throwable x = t instanceof UncheckedIOException u && u.getCause() instanceof InputException ? u.getCause() : t;
        boolean typed = x instanceof InputException || x instanceof WorkflowLoadException || x instanceof BundleException
                || x instanceof CheckpointException || x instanceof LimitExceededException
                || x instanceof TraceFormatException;
        return typed ? x : null;
    }

    /** Why a typed refusal's message is not a plain located one, or null when it is. */
    static String messageFault(Throwable refusal) {
        if (refusal instanceof WorkflowLoadException w) {
            for (Problem p : w.problems()) {
                if (!POINTER.matcher(p.path()).matches() || p.message() == null || p.message().isBlank()) {
                    return "problem without a JSON Pointer or message: " + p;
                }
                String leak = leak(p.message());
                if (leak != null || p.message().contains("\n")) {
                    return "problem message is not plain (" + (leak == null ? "line break" : leak) + "): " + p;
                }
            }
            return null;
        }
        if (refusal instanceof TraceFormatException t) {
            for (String line : t.problems()) {
                String fault = lineFault(line);
                if (fault != null) {
                    return fault;
                }
            }
            return null;
        }
        String m = refusal.getMessage();
        if (m == null || m.isBlank()) {
            return "empty message";
        }
        if (refusal instanceof LimitExceededException) {
            return m.contains(((LimitExceededException) refusal).limit().name()) ? leakFault(m) : "the limit is not named: " + m;
        }
        for (String line : m.split("\n")) {
            if (!line.startsWith("  ")) { // indented lines list bundle differences
                String fault = lineFault(line);
                if (fault != null) {
                    return fault;
                }
            }
        }
        return leakFault(m);
    }

    private static String lineFault(String line) {
        return LOCATED.matcher(line).matches() ? leakFault(line) : "not a 'where: what' line: " + line;
    }

    private static String leakFault(String m) {
        String leak = leak(m);
        return leak == null ? null : "internals leak (" + leak + "): " + m;
    }

    private static String leak(String message) {
        for (String l : LEAKS) {
            if (message.contains(l)) {
                return l;
            }
        }
        return null;
    }
}
