package dev.handoff.app.bench;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the app benchmarks share: the sample folder, and a screenshot of what they measured. */
final class Bench {
    private Bench() {
    }

    /** {@code sample-workflows/<name>}, found by walking up from the working directory. */
    static Path sample(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("sample-workflows"))) {
                return p.resolve("sample-workflows").resolve(name);
            }
        }
        throw new IllegalStateException("no sample-workflows folder above the working directory");
    }

    /** Writes a PNG of {@code scene} (on the FX thread). */
    static void screenshot(Scene scene, Path png) {
        javafx.application.Platform.runLater(() -> {
            try {
                Files.createDirectories(png.toAbsolutePath().getParent());
                ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", png.toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
}
