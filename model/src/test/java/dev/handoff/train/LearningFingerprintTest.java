package dev.handoff.train;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.WorkflowLoading;
import dev.handoff.env.synthetic.SyntheticKind;
import dev.handoff.env.synthetic.SyntheticTemplates;
import dev.handoff.workflow.Workflow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins what tabular training learns, bit for bit: a SHA-256 over every Q-table, every visit count and every window's
 * figures of a fixed run, recorded before the hot loop was optimised (issue 16.2: "the learning must not change, only
 * its speed"). A faster loop that rounds one operation differently, draws the random numbers in another order or
 * skips a visit count changes the digest.
 */
class LearningFingerprintTest {
    private static final long HANDOFFS = 400_000;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "ring10, icq-tabular, 42f8398f10f124cc",
            "ring10, oracle, 3e3249067f1ccfd0",
            "ring10, independent, 6b3908611600d72e",
            "gap, icq-tabular, 7f242e3f71936a67",
            "ring100, icq-tabular, 0bf3d6c7ed56b294",
            "routing-6x6.workflow.json, icq-tabular, 0a7138b11245b4a4",
            "routing-lata.workflow.json, icq-tabular, 818a3e3a1dfc5440"})
    void trainingLearnsExactlyWhatItLearnedBeforeTheLoopWasOptimised(String workflow, String algorithm, String digest)
            throws Exception {
        Workflow w = workflow(workflow);
        EnvironmentKind kind = WorkflowLoading.kindOf(w);
        SeedTrainer trainer = new SeedTrainer(w, kind, Algorithm.parse(algorithm), 7, HANDOFFS);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        trainer.runUntil(HANDOFFS, window -> {
            putDouble(sha, window.meanEpisodeReturn());
            for (double td : window.meanAbsTdByAgent()) {
                putDouble(sha, td);
            }
            for (double m : window.scalarMeanByEdge()) {
                putDouble(sha, m);
            }
            putLong(sha, window.episodes());
        });
        for (int i = 0; i < trainer.agentCount(); i++) {
            for (double q : trainer.learner(i).table()) {
                putDouble(sha, q);
            }
            for (long n : trainer.learner(i).visitTable()) {
                putLong(sha, n);
            }
        }
        assertThat(trainer.handoffs()).isEqualTo(HANDOFFS);
        assertThat(HexFormat.of().formatHex(sha.digest()).substring(0, 16)).isEqualTo(digest);
    }

    private static Workflow workflow(String name) throws Exception {
        return switch (name) {
            case "ring10" -> SyntheticTemplates.ring("ring10", 10, 0.0, 0.05);
            case "ring100" -> SyntheticTemplates.ring("ring100", 100, 0.0, 0.05);
            case "gap" -> SyntheticTemplates.ring("gap", 10, 1.0, 0.05);
            default -> WorkflowLoading.loadValid(samples().resolve(name));
        };
    }

    private static Path samples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("sample-workflows"))) {
                return p.resolve("sample-workflows");
            }
        }
        throw new IllegalStateException("no sample-workflows folder above the working directory");
    }

    private static void putDouble(MessageDigest sha, double x) {
        putLong(sha, Double.doubleToRawLongBits(x));
    }

    private static void putLong(MessageDigest sha, long x) {
        sha.update(ByteBuffer.allocate(8).putLong(x).array());
    }
}
