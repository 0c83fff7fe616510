package dev.handoff.app;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * Where a window was and how large, remembered in the preferences when it closes and given back the next time it
 * opens — only if enough of it (a title bar's worth) would be on one of today's screens.
 */
final class WindowPlacement {
    static final double MIN_VISIBLE_WIDTH = 160;
    static final double MIN_VISIBLE_HEIGHT = 48;
    private final Preferences prefs;
    private final String key;

    WindowPlacement(Preferences prefs, String key) {
        this.prefs = prefs;
        this.key = key;
    }

    /** The remembered bounds, if any and if they can still be seen on one of {@code screens}. */
    Optional<Rectangle2D> remembered(List<Rectangle2D> screens) {
        double w = prefs.getDouble(key + ".width", -1);
        double h = prefs.getDouble(key + ".height", -1);
        if (w <= 0 || h <= 0) {
            return Optional.empty();
        }
        Rectangle2D r = new Rectangle2D(prefs.getDouble(key + ".x", 0), prefs.getDouble(key + ".y", 0), w, h);
        for (Rectangle2D s : screens) {
            double visibleW = Math.min(r.getMaxX(), s.getMaxX()) - Math.max(r.getMinX(), s.getMinX());
            double visibleH = Math.min(r.getMaxY(), s.getMaxY()) - Math.max(r.getMinY(), s.getMinY());
            if (visibleW >= MIN_VISIBLE_WIDTH && visibleH >= MIN_VISIBLE_HEIGHT && r.getMinY() >= s.getMinY() - 1) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    void remember(Rectangle2D r) {
        prefs.putDouble(key + ".x", r.getMinX());
        prefs.putDouble(key + ".y", r.getMinY());
        prefs.putDouble(key + ".width", r.getWidth());
        prefs.putDouble(key + ".height", r.getHeight());
    }

    /**
     * A second window's first place: down and right of {@code first} by a title bar, so the first one's corner and
     * title stay in sight, as large as {@code preferred} allows within {@code screen}.
     */
    static Rectangle2D beside(Rectangle2D first, Rectangle2D screen, double preferredWidth, double preferredHeight) {
        double step = 48;
        double x = Math.max(screen.getMinX(), Math.min(first.getMinX() + step, screen.getMaxX() - MIN_VISIBLE_WIDTH));
        double y = Math.max(screen.getMinY(), Math.min(first.getMinY() + step, screen.getMaxY() - MIN_VISIBLE_HEIGHT));
        double w = Math.min(preferredWidth, screen.getMaxX() - x);
        double h = Math.min(preferredHeight, screen.getMaxY() - y);
        return new Rectangle2D(x, y, w, h);
    }

    /** Places {@code stage} where it was last time, else at {@code fallback}; remembers its place when it closes. */
    void apply(Stage stage, Rectangle2D fallback) {
        Rectangle2D r = remembered(Screen.getScreens().stream().map(Screen::getVisualBounds).toList()).orElse(fallback);
        stage.setX(r.getMinX());
        stage.setY(r.getMinY());
        stage.setWidth(r.getWidth());
        stage.setHeight(r.getHeight());
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN,
                e -> remember(new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())));
    }

    static Rectangle2D boundsOf(Stage stage) {
        return new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }
}
