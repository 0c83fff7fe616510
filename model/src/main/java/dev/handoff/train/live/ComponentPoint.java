package dev.handoff.train.live;

import dev.handoff.components.ComponentReading;
import dev.handoff.train.Algorithm;

/** One error-component reading (ICQ.md §4) of one learner's seed during a live run, as the dashboard drains it. */
public record ComponentPoint(Algorithm algorithm, ComponentReading reading) {
}
