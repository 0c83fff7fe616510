package dev.handoff.views.evaluate;

import java.util.function.LongConsumer;

/**
 * The clock that drives evaluate-mode playback: while started it calls back with the current time in nanoseconds,
 * about once a frame. The app uses {@link FxPlaybackTicker}; tests drive frames by hand.
 */
public interface PlaybackTicker {
    /** Starts calling {@code onFrame} with the time in nanoseconds (replacing any earlier callback). */
    void start(LongConsumer onFrame);

    void stop();
}
