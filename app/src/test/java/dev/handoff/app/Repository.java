package dev.handoff.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's folders, found from whichever module directory the tests run in. */
final class Repository {
    private Repository() {
    }

    static Path root() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("sample-workflows")) && Files.isDirectory(d.resolve("model"))) {
                return d;
            }
        }
        throw new IllegalStateException("repository root not found");
    }

    static Path sample(String name) {
        return root().resolve("sample-workflows").resolve(name + ".workflow.json");
    }

    static Path docs() {
        return root().resolve("docs");
    }
}
