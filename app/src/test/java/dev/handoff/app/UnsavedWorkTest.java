package dev.handoff.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The autosave interval setting: a wrong value falls back to 5 seconds instead of stopping the workbench. */
class UnsavedWorkTest {
    @Test
    void theIntervalIsTheSettingWhenItIsSensibleElseFiveSeconds() {
        assertThat(UnsavedWork.autosaveSeconds(null)).isEqualTo(5);
        assertThat(UnsavedWork.autosaveSeconds("2")).isEqualTo(2);
        assertThat(UnsavedWork.autosaveSeconds("often")).isEqualTo(5);
        assertThat(UnsavedWork.autosaveSeconds("0")).isEqualTo(5);
        assertThat(UnsavedWork.autosaveSeconds("NaN")).isEqualTo(5);
        assertThat(UnsavedWork.autosaveSeconds("86400")).isEqualTo(5);
    }
}
