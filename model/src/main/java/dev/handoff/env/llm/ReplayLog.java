package dev.handoff.env.llm;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An append-only replay file (JSON Lines of {@link AnswerRecord}): every live answer is written and flushed the
 * moment it arrives, so a live run can be replayed later with {@link RecordedAnswers#loadReplay(Path)}.
 */
public final class ReplayLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final Writer out;

    private ReplayLog(Path file, Writer out) {
        this.file = file;
        this.out = out;
    }

    /** Opens (creating if needed) the file for appending. */
    public static ReplayLog open(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            return new ReplayLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open replay file " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Appends one record as a line and flushes it to the file. */
    public synchronized void append(AnswerRecord record) {
        try {
            out.write(JSON.writeValueAsString(record));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to replay file " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
