package dev.handoff.train;

import dev.handoff.util.AtomicFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.ToLongBiFunction;

/**
 * One of a run folder's CSV files ({@code metrics.csv}, {@code components.csv}, {@code greedy.csv}): a header, then rows
 * that start {@code algorithm,seed,handoffs}, appended by trainer threads as they come and ordered by algorithm, seed
 * and handoffs once closed, so the file does not depend on how seeds were scheduled. Written with Apache Commons CSV
 * (RFC 4180, {@code \n} line ends). A resumed run reopens it keeping the rows up to each seed's checkpoint.
 * Thread-safe. The file is only ever streamed, never held in memory: a run of 10^8 handoffs writes a metrics file of
 * hundreds of megabytes, and neither closing nor resuming it may need that much heap.
 */
final class RunCsv implements AutoCloseable {
    /** RFC 4180 with {@code \n} line ends: what every CSV the workbench writes uses. */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    /** A seed's rows are identified by their algorithm and seed; this orders those keys. */
    private static final Comparator<SeedKey> KEY_ORDER = Comparator.comparing(SeedKey::algorithm)
            .thenComparingLong(SeedKey::seed);

    private final Path file;
    private final List<String> header;
    private final CSVPrinter out;
    private boolean closed;

    private record SeedKey(String algorithm, long seed) {
    }

    /**
     * Opens {@code file} with {@code header}: afresh when {@code keepUpTo} is null, else (a resumed run) keeping the rows
     * at or before {@code keepUpTo} of their algorithm and seed (rewritten atomically, so a crash while reopening loses
     * nothing).
     */
    RunCsv(Path file, List<String> header, ToLongBiFunction<String, Long> keepUpTo) {
        this.file = file;
        this.header = List.copyOf(header);
        try {
            if (keepUpTo != null && Files.exists(file)) {
                AtomicFiles.write(file, bytes -> {
                    CSVPrinter p = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), FORMAT);
                    p.printRecord(header);
                    forEachKeptRow(file, header.size(), keepUpTo, r -> print(p, r));
                    p.flush();
                });
                out = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND), FORMAT);
            } else {
                out = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), FORMAT);
                out.printRecord(header);
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

    /**
     * Closes the file and orders its rows by algorithm, seed and handoffs (idempotent). Each seed's rows are appended in
     * handoff order by its one trainer thread (a resumed run keeps only rows up to the checkpoint, then appends past it),
     * so ordering is one pass to see the seeds and, when seeds were interleaved, one pass per seed to write its rows in
     * turn; a file already in order (one seed, one thread) is left as it is.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
            Order order = orderOf(file, header.size());
            if (order.inOrder()) {
                return;
            }
            AtomicFiles.write(file, bytes -> {
                Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, FORMAT);
                p.printRecord(header);
                for (SeedKey key : order.keys()) {
                    forEachKeptRow(file, header.size(), keepOnly(key), r -> print(p, r));
                }
                p.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + RunFolderWriter.describe(e), e);
        }
    }

    /** The seeds a file holds (in order), and whether its rows are already valid and in order. */
    private record Order(TreeSet<SeedKey> keys, boolean inOrder) {
    }

    private static Order orderOf(Path file, int cells) {
        TreeSet<SeedKey> keys = new TreeSet<>(KEY_ORDER);
        long[] rowsKept = {0};
        boolean[] inOrder = {true};
        SeedKey[] previous = {null};
        forEachKeptRow(file, cells, (a, s) -> Long.MAX_VALUE, r -> {
            SeedKey key = new SeedKey(r.get(0), Long.parseLong(r.get(1)));
            boolean seen = !keys.add(key);
            if (previous[0] != null && !previous[0].equals(key) && (seen || KEY_ORDER.compare(previous[0], key) > 0)) {
                inOrder[0] = false; // seeds interleaved, or not in seed order
            }
            previous[0] = key;
            rowsKept[0]++;
        });
        // every line a kept row, and nothing torn after the last line end
        boolean whole = rowsKept[0] == dataLines(file) && lastLineEnd(file) == size(file);
        return new Order(keys, inOrder[0] && whole);
    }

    private static ToLongBiFunction<String, Long> keepOnly(SeedKey key) {
        return (algorithm, seed) -> algorithm.equals(key.algorithm()) && seed == key.seed() ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    private static void print(CSVPrinter p, CSVRecord r) {
        try {
            p.printRecord(r.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Streams the data rows of a run-folder CSV with {@code cells} columns to keep: those at or before {@code keepUpTo}
     * of their algorithm and seed. A row a killed process left half written (after the file's last line end, or with
     * fewer cells than the header, or no counts where they belong) is dropped: it is past the checkpoint anyway.
     */
    static void forEachKeptRow(Path file, int cells, ToLongBiFunction<String, Long> keepUpTo, Consumer<CSVRecord> action) {
        if (!Files.exists(file)) {
            return;
        }
        try (Reader in = upToLastLineEnd(file); CSVParser parser = FORMAT.parse(in)) {
            for (CSVRecord r : parser) {
                if (r.getRecordNumber() > 1 && r.size() == cells && isCount(r.get(1)) && isCount(r.get(2))
                        && Long.parseLong(r.get(2)) <= keepUpTo.applyAsLong(r.get(0), Long.parseLong(r.get(1)))) {
                    action.accept(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines after the header up to the last line end (rows with a line break inside a quoted cell count as more). */
    private static long dataLines(Path file) {
        long lines = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    lines += buf[i] == '\n' ? 1 : 0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Math.max(0, lines - 1);
    }

    /** The length of the file up to and including its last line end (0 without one). */
    private static long lastLineEnd(Path file) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            byte[] buf = new byte[1 << 16];
            for (long end = raf.length(); end > 0; end -= buf.length) {
                int n = (int) Math.min(buf.length, end);
                raf.seek(end - n);
                raf.readFully(buf, 0, n);
                for (int i = n - 1; i >= 0; i--) {
                    if (buf[i] == '\n') {
                        return end - n + i + 1;
                    }
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as text, without what follows its last line end (a row a killed writer tore). */
    private static Reader upToLastLineEnd(Path file) throws IOException {
        long keep = lastLineEnd(file);
        long limit = keep;
        InputStream bounded = new FilterInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            private long left = limit;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                left -= b >= 0 ? 1 : 0;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                left -= Math.max(n, 0);
                return n;
            }
        };
        return new InputStreamReader(bounded, StandardCharsets.UTF_8);
    }

    private static boolean isCount(String cell) {
        return !cell.isEmpty() && cell.length() < 19 && cell.chars().allMatch(Character::isDigit);
    }
}
