package dev.handoff.env.routing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's routing data: walks up from the working directory to the folder holding sample-workflows. */
final class RoutingData {
    private RoutingData() {
    }

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("sample-workflows"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("no sample-workflows folder above " + Path.of("").toAbsolutePath());
    }

    static Path file(String relative) {
        return root().resolve("sample-workflows/data/routing").resolve(relative);
    }

    static Path sixBySix() {
        return file("boyan-littman/6x6.net");
    }
}
