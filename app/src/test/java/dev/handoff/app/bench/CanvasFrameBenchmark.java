package dev.handoff.app.bench;

import dev.handoff.app.MainWindow;
import dev.handoff.env.routing.GeneratedTopology;
import dev.handoff.env.routing.RoutingWorkflows;
import dev.handoff.views.graph.GraphCanvas;
import dev.handoff.workflow.WorkflowJson;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Canvas pan/zoom frame time (issue 16.6), a benchmark of the real app, not a unit test: the main window (1600×1000)
 * opens LATA (116 routers) and a generated 1,000-router network, fits it to view, then each FX pulse sends the canvas
 * one wheel event, as a user's mouse does: 60 frames zooming in, 120 panning (shift + wheel), 60 zooming out, three
 * times. Records the pulse intervals (the frame time) and prints p50/p99/max and the mean frame rate per network.
 * Run only when asked, under Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B -q -pl app -am test -Dtest=CanvasFrameBenchmark
 * -Dhandoff.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}; results in {@code app/target/canvas-benchmark.txt}.
 */
@EnabledIfSystemProperty(named = "handoff.benchmark", matches = "true")
@ExtendWith(ApplicationExtension.class)
class CanvasFrameBenchmark {
    private static final int FRAMES = 3 * 240;
    private final Preferences prefs = Preferences.userRoot().node("dev/handoff/bench/canvas-" + System.nanoTime());
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        javafx.application.Platform.setImplicitExit(false);
        window = new MainWindow(stage, prefs);
        stage.setWidth(1600);
        stage.setHeight(1000);
        stage.show();
    }

    @AfterEach
    void removeNode() throws Exception {
        prefs.removeNode();
    }

    @Test
    void panAndZoomFrameTimeOnLargeNetworks(FxRobot robot, @TempDir Path dir) throws Exception {
        Path generated = dir.resolve("routing-generated1000.workflow.json");
        WorkflowJson.write(RoutingWorkflows.fromTopology("routing-generated1000", GeneratedTopology.nearestNeighbours(1000, 2, 1),
                1.0, "1,000 routers, each linked to its 2 nearest"), generated);
        List<String> report = new ArrayList<>();
        for (Path file : List.of(Bench.sample("routing-lata.workflow.json"), generated)) {
            robot.interact(() -> assertThat(window.open(file)).isTrue());
            GraphCanvas canvas = window.editor().canvas();
            robot.interact(canvas::fitToView);
            WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
            PulseRecorder frames = new PulseRecorder(FRAMES, frame -> wheel(canvas, frame));
            robot.interact(frames::start);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240); // a slow machine records fewer frames
            while (frames.intervalsRecorded() < FRAMES - 1 && System.nanoTime() < deadline) {
                WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
            }
            robot.interact(frames::stop);
            String line = String.format(Locale.ROOT, "BENCHMARK canvas pan/zoom, %s (%d agents, %d handoffs), %s", file.getFileName(),
                    window.editor().viewModel().document().document().agents().size(),
                    window.editor().viewModel().document().document().handoffs().size(), frames.summary());
            System.out.println(line);
            report.add(line);
            Bench.screenshot(stage.getScene(), Path.of("target", "canvas-" + file.getFileName().toString().replace(".workflow.json", "") + ".png"));
        }
        Files.write(Path.of("target", "canvas-benchmark.txt"), report);
    }

    /** One wheel step for frame {@code frame}: zoom in, pan, zoom out, each a quarter or half of a 240-frame cycle. */
    private static void wheel(GraphCanvas canvas, long frame) {
        int phase = (int) (frame % 240);
        boolean pan = phase >= 60 && phase < 180;
        double delta = pan ? (phase < 120 ? 12 : -12) : (phase < 60 ? 40 : -40);
        Point2D centre = new Point2D(canvas.getWidth() / 2, canvas.getHeight() / 2);
        Point2D screen = canvas.localToScreen(centre);
        Event.fireEvent(canvas, new ScrollEvent(ScrollEvent.SCROLL, centre.getX(), centre.getY(), screen.getX(), screen.getY(),
                pan, false, false, false, false, false, 0, delta, 0, delta, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, new PickResult(canvas, centre.getX(), centre.getY())));
    }
}
