package dev.handoff.cpu;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's {@code sample-workflows/data/cpu-programming} by walking up from the working directory. */
final class TestData {
    private TestData() {
    }

    static Path cpuProgrammingDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("sample-workflows"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no sample-workflows directory above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("sample-workflows/data/cpu-programming");
    }
}
