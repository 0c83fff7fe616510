package dev.handoff.app.bench;

import dev.handoff.app.Launcher;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.lang.management.ManagementFactory;

/**
 * Launch to a usable window (issue 16.6), measured on the real app: runs {@link Launcher#main} with a workflow file and
 * watches for the main window showing that file (its title names it); at the second frame drawn after that (the window
 * laid out, the canvas rendered, the FX thread free to take input) it prints
 * {@code LAUNCH usable <epoch ms> jvm-uptime <ms>} and exits. {@code benchmarks/scripts/launch-time.sh} starts it as a
 * fresh process repeatedly and subtracts the time each process was started.
 */
public final class LaunchTimeProbe {
    private LaunchTimeProbe() {
    }

    public static void main(String[] args) {
        String file = java.nio.file.Path.of(args[0]).getFileName().toString();
        Thread watcher = new Thread(() -> watch(file), "launch-probe");
        watcher.setDaemon(true);
        watcher.start();
        Launcher.main(args);
    }

    private static void watch(String file) {
        while (true) {
            try {
                Thread.sleep(5);
                Platform.runLater(() -> {
                    for (Window w : Window.getWindows()) {
                        if (w.isShowing() && w instanceof Stage s && s.getTitle() != null && s.getTitle().contains(file)) {
                            countFrames();
                        }
                    }
                });
            } catch (IllegalStateException toolkitNotStartedYet) {
                continue;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean counting;

    private static void countFrames() {
        if (counting) {
            return;
        }
        counting = true;
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 2) {
                    System.out.println("LAUNCH usable " + System.currentTimeMillis() + " jvm-uptime "
                            + ManagementFactory.getRuntimeMXBean().getUptime());
                    System.out.flush();
                    if (Boolean.getBoolean("handoff.launch.exit")) {
                        System.exit(0); // runs shutdown hooks, e.g. a flight recording's dump (for profiling start-up)
                    }
                    Runtime.getRuntime().halt(0);
                }
            }
        }.start();
    }
}
