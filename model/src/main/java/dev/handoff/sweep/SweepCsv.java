package dev.handoff.sweep;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code sweep.csv}: header {@code <axis>,seed,policy,<metric>...}, then one row per value, seed and policy (in
 * that nesting order), numbers in full precision with a dot, {@code NaN} where a measurement had none.
 */
public final class SweepCsv {
    private SweepCsv() {
    }

    /** RFC 4180 with {@code \n} line ends (Apache Commons CSV), as the run folders' CSVs. */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

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

    private static void write(SweepResult result, Writer out) throws IOException {
        SweepDesign d = result.design();
        double[] values = result.values();
        CSVPrinter w = new CSVPrinter(out, FORMAT);
        List<String> header = new ArrayList<>(List.of(d.axis(), "seed", "policy"));
        d.metrics().forEach(m -> header.add(m.id()));
        w.printRecord(header);
        for (int v = 0; v < values.length; v++) {
            for (int s = 0; s < result.seeds().size(); s++) {
                for (int p = 0; p < d.policies().size(); p++) {
                    List<String> row = new ArrayList<>(List.of(number(values[v]), Long.toString(result.seeds().get(s)),
                            d.policies().get(p)));
                    for (int m = 0; m < d.metrics().size(); m++) {
                        row.add(number(result.value(p, m, v, s)));
                    }
                    w.printRecord(row);
                }
            }
        }
        w.flush();
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
