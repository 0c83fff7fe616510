package dev.handoff.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One loader under fuzz: valid corpora (each a small folder: relative path → bytes), which of their files may be
 * damaged, and how the product loads the folder. Adding a loader to the fuzz suite is one {@code LoaderTarget} line
 * in {@link LoaderTargets#all()}.
 *
 * @param name     what the statistics call it
 * @param corpora  valid inputs, each a folder of files
 * @param mutable  files of each corpus that a case may damage (relative paths)
 * @param load     loads a (possibly damaged) copy of a corpus the way the product does
 */
record LoaderTarget(String name, List<Map<String, byte[]>> corpora, List<String> mutable, Load load) {

    /** Loads a corpus copy laid out under {@code root}. Returning normally means the input was accepted. */
    interface Load {
        void from(Path root) throws Exception;
    }

    /** A single-file corpus. */
    static Map<String, byte[]> file(String name, byte[] bytes) {
        return Map.of(name, bytes);
    }

    /** Every regular file under {@code dir}, by path relative to it. */
    static Map<String, byte[]> folder(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Writes a corpus under {@code root}. */
    static void write(Map<String, byte[]> corpus, Path root) throws IOException {
        for (Map.Entry<String, byte[]> f : corpus.entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
    }

    /** Total bytes of a corpus. */
    static long size(Map<String, byte[]> corpus) {
        return corpus.values().stream().mapToLong(b -> b.length).sum();
    }
}
