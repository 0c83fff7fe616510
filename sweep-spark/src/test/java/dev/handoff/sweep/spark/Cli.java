package dev.handoff.sweep.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.app.cli.HandoffCli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the {@code handoff} CLI in this JVM as a user would, capturing what it prints. */
final class Cli {
    private Cli() {
    }

    record Result(int code, String out, String err) {
        /** The JSON object of the last stdout line. */
        JsonNode json() throws IOException {
            List<String> lines = out.lines().toList();
            return new ObjectMapper().readTree(lines.get(lines.size() - 1));
        }

        /** The last line's JSON without what differs run to run (time taken) or folder to folder (file paths). */
        JsonNode jsonWithoutTimeAndPaths() throws IOException {
            ObjectNode o = (ObjectNode) json();
            o.remove(List.of("wallSeconds", "csv", "png"));
            return o;
        }
    }

    static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = HandoffCli.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        Result r = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.err.print(r.err()); // keep the run's progress in the test log
        return r;
    }

    /** A sample workflow of the repository. */
    static String sample(String name) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("sample-workflows"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no sample-workflows folder above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("sample-workflows").resolve(name).toString();
    }

    /** The command line of a small routing load sweep: 2 loads × 2 seeds × 2 policies = 8 cells, a few seconds. */
    static String[] smallLoadSweep(String out, String... more) {
        String[] base = {"sweep", sample("routing-6x6.workflow.json"), "--axis", "load", "--values", "0.5,2",
                "--seeds", "1..2", "--handoffs", "20000", "--algo", "icq-tabular,shortest-path", "-O", "measure=300",
                "-O", "warmup=100", "--out", out};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
