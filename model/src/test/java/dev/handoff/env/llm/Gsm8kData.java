package dev.handoff.env.llm;

/** The project's released GSM8K data, loaded once per test JVM (it is read-only for the tests that share it). */
final class Gsm8kData {
    private static RecordedAnswers released;

    private Gsm8kData() {
    }

    static synchronized RecordedAnswers released() {
        if (released == null) {
            released = RecordedAnswers.loadReleased(RecordedAnswers.projectDataDirectory());
        }
        return released;
    }

    /** A private copy, for tests that add answers. */
    static RecordedAnswers freshCopy() {
        return RecordedAnswers.loadReleased(RecordedAnswers.projectDataDirectory());
    }
}
