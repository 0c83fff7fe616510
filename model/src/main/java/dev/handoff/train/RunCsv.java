package dev.handoff.train;

import dev.handoff.util.AtomicFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongBiFunction;

/**
 * One of a run folder's CSV files ({@code metrics.csv}, {@code components.csv}, {@code greedy.csv}): a header, then rows
 * that start {@code algorithm,seed,handoffs}, appended by trainer threads as they come and ordered by algorithm, seed
 * and handoffs once closed, so the file does not depend on how seeds were scheduled. Written with Apache Commons CSV
 * (RFC 4180, {@code \n} line ends). A resumed run reopens it keeping the rows up to each seed's checkpoint.
 * Thread-safe.
 */
final class RunCsv implements AutoCloseable {
    /** RFC 4180 with {@code \n} line ends: what every CSV the workbench writes uses. */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    private static final Comparator<List<String>> ROW_ORDER = Comparator.<List<String>, String>comparing(r -> r.get(0))
            .thenComparingLong(r -> Long.parseLong(r.get(1))).thenComparingLong(r -> Long.parseLong(r.get(2)));

    private final Path file;
    private final List<String> header;
    private final CSVPrinter out;
    private boolean closed;

    /**
     * Opens {@code file} with {@code header}: afresh when {@code keepUpTo} is null, else (a resumed run) keeping the rows
     * at or before {@code keepUpTo} of their algorithm and seed.
     */
    RunCsv(Path file, List<String> header, ToLongBiFunction<String, Long> keepUpTo) {
        this.file = file;
        this.header = List.copyOf(header);
        List<List<String>> kept = keepUpTo == null ? List.of() : keptRows(file, header.size(), keepUpTo);
        try {
            out = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), FORMAT);
            out.printRecord(header);
            for (List<String> row : kept) {
                out.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends one row (as many cells as the header); any thread. */
    synchronized void append(List<String> cells) {
        try {
            out.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + RunFolderWriter.describe(e), e);
        }
    }

    /** Hands the rows written so far to the operating system (before a checkpoint, so a killed run keeps them). */
    synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + RunFolderWriter.describe(e), e);
        }
    }

    /** Closes the file and orders its rows by algorithm, seed and handoffs (idempotent). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
            List<List<String>> rows = keptRows(file, header.size(), (a, s) -> Long.MAX_VALUE);
            rows.sort(ROW_ORDER);
            AtomicFiles.write(file, bytes -> {
                Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, FORMAT);
                p.printRecord(header);
                p.printRecords(rows);
                p.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + RunFolderWriter.describe(e), e);
        }
    }

    /**
     * The data rows of a run-folder CSV with {@code cells} columns to keep: those at or before {@code keepUpTo} of their
     * algorithm and seed. A row a killed process left half written (the file does not end in a line end, or the row has
     * fewer cells than the header, or no counts where they belong) is dropped: it is past the checkpoint anyway.
     */
    static List<List<String>> keptRows(Path file, int cells, ToLongBiFunction<String, Long> keepUpTo) {
        List<List<String>> kept = new ArrayList<>();
        if (!Files.exists(file)) {
            return kept;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            text = text.substring(0, text.lastIndexOf('\n') + 1); // what follows the last line end is a torn row
            try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
                for (CSVRecord r : parser) {
                    if (r.getRecordNumber() > 1 && r.size() == cells && isCount(r.get(1)) && isCount(r.get(2))
                            && Long.parseLong(r.get(2)) <= keepUpTo.applyAsLong(r.get(0), Long.parseLong(r.get(1)))) {
                        kept.add(r.toList());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kept;
    }

    private static boolean isCount(String cell) {
        return !cell.isEmpty() && cell.length() < 19 && cell.chars().allMatch(Character::isDigit);
    }
}
