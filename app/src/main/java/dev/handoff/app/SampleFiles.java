package dev.handoff.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The project's ready-to-open workflows: {@code sample-workflows/*.workflow.json}, found by walking up from a directory. */
public final class SampleFiles {
    private SampleFiles() {
    }

    /** The nearest {@code sample-workflows} directory at or above {@code start}, or null. */
    public static Path sampleDirectory(Path start) {
        for (Path d = start.toAbsolutePath(); d != null; d = d.getParent()) {
            Path s = d.resolve("sample-workflows");
            if (Files.isDirectory(s)) {
                return s;
            }
        }
        return null;
    }

    /** The sample workflow files, sorted by name; empty when there is no sample directory. */
    public static List<Path> list(Path start) {
        Path dir = sampleDirectory(start);
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".workflow.json")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
