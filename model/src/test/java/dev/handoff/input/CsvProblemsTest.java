package dev.handoff.input;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

class CsvProblemsTest {
    @Test
    void anUnclosedQuoteIsOnePlainLineWithItsLineAndNoLibraryNames() {
        Exception thrown = catchException(() -> {
            try (CSVParser p = CSVFormat.DEFAULT.parse(new StringReader("a,b\n1,\"unclosed\n"))) {
                p.forEach(r -> { });
            }
        });
        assertThat(thrown).isNotNull();
        InputException refusal = CsvProblems.refusal("data.csv", thrown);
        assertThat(refusal.getMessage()).isEqualTo("data.csv:2: the file ends inside a quoted field")
                .doesNotContain("Exception", "org.apache");
    }
}
