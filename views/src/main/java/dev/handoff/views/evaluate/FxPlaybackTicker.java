package dev.handoff.views.evaluate;

import javafx.animation.AnimationTimer;

import java.util.function.LongConsumer;

/** A {@link PlaybackTicker} on JavaFX's pulse: one frame per pulse, on the FX thread. */
public final class FxPlaybackTicker implements PlaybackTicker {
    private LongConsumer onFrame = t -> { };
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            onFrame.accept(now);
        }
    };

    @Override
    public void start(LongConsumer onFrame) {
        this.onFrame = onFrame;
        timer.start();
    }

    @Override
    public void stop() {
        timer.stop();
    }
}
