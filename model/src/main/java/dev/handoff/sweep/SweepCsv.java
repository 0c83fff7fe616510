package dev.handoff.sweep;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code sweep.csv}: header {@code <axis>,seed,policy,<metric>...}, then one row per value, seed and policy (in
 * that nesting order), numbers in full precision with a dot, {@code NaN} where a measurement had none.
 */
public final class SweepCsv {
    private SweepCsv() {
    }

    public static void write(SweepResult result, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(result, w);
        }
    }

    /** The file's bytes (UTF-8), for a {@link SweepFolder}. */
    public static byte[] bytes(SweepResult result) {
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            write(result, w);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("a StringWriter does not fail", e);
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(SweepResult result, Writer w) throws IOException {
        SweepDesign d = result.design();
        double[] values = result.values();
        StringBuilder line = new StringBuilder(d.axis()).append(",seed,policy");
        for (SweepMetric m : d.metrics()) {
            line.append(',').append(m.id());
        }
        w.write(line.append('\n').toString());
        for (int v = 0; v < values.length; v++) {
            for (int s = 0; s < result.seeds().size(); s++) {
                for (int p = 0; p < d.policies().size(); p++) {
                    line.setLength(0);
                    line.append(number(values[v])).append(',').append(result.seeds().get(s)).append(',')
                            .append(d.policies().get(p));
                    for (int m = 0; m < d.metrics().size(); m++) {
                        line.append(',').append(number(result.value(p, m, v, s)));
                    }
                    w.write(line.append('\n').toString());
                }
            }
        }
    }

    static String number(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }
}
