package dev.handoff.input;

import dev.handoff.offline.RecordedTraces;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/RELIABILITY.md lists every documented limit with the value the code enforces. */
class InputLimitsDocumentedTest {
    static Path reliabilityDoc() {
        return RecordedTraces.root().resolve("docs/RELIABILITY.md");
    }

    /** The table row the doc must carry for a limit. */
    static String row(InputLimits.Limit l) {
        return "| `" + l.name() + "` | " + l.value() + " | " + l.unit() + " | " + l.guards() + " |";
    }

    @Test
    void everyLimitIsInTheDocWithItsValue() throws IOException {
        List<String> lines = Files.readAllLines(reliabilityDoc());
        for (InputLimits.Limit l : InputLimits.all()) {
            assertThat(lines).as(l.name()).contains(row(l));
        }
    }

    @Test
    void limitsHaveDistinctNamesAndPositiveValues() {
        assertThat(InputLimits.all().stream().map(InputLimits.Limit::name).distinct()).hasSameSizeAs(InputLimits.all());
        assertThat(InputLimits.all()).allSatisfy(l -> assertThat(l.value()).isPositive());
    }
}
