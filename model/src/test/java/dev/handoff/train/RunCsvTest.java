package dev.handoff.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunCsvTest {
    private static final List<String> HEADER = List.of("algorithm", "seed", "handoffs", "value");

    @Test
    void interleavedSeedsAreOrderedBySeedThenHandoffsWhenClosed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metrics.csv");
        try (RunCsv csv = new RunCsv(file, HEADER, null)) {
            csv.append(List.of("icq-tabular", "2", "100", "a"));
            csv.append(List.of("icq-tabular", "10", "100", "b"));
            csv.append(List.of("icq-tabular", "2", "200", "c"));
            csv.append(List.of("icq-tabular", "10", "200", "d"));
            csv.append(List.of("icq-tabular", "1", "100", "e"));
        }
        assertThat(Files.readAllLines(file)).containsExactly("algorithm,seed,handoffs,value", "icq-tabular,1,100,e",
                "icq-tabular,2,100,a", "icq-tabular,2,200,c", "icq-tabular,10,100,b", "icq-tabular,10,200,d");
    }

    @Test
    void aFileAlreadyInOrderIsLeftAsItWasWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metrics.csv");
        try (RunCsv csv = new RunCsv(file, HEADER, null)) {
            csv.append(List.of("icq-tabular", "1", "100", "x"));
            csv.append(List.of("icq-tabular", "1", "200", "y"));
            csv.append(List.of("icq-tabular", "2", "100", "z"));
        }
        assertThat(Files.readString(file)).isEqualTo("algorithm,seed,handoffs,value\nicq-tabular,1,100,x\n"
                + "icq-tabular,1,200,y\nicq-tabular,2,100,z\n");
        assertThat(dir.toFile().list()).containsExactly("metrics.csv"); // no temporary file was made or left
    }

    @Test
    void reopeningForAResumeKeepsRowsUpToEachSeedsCheckpointAndDropsATornRow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metrics.csv");
        Files.writeString(file, "algorithm,seed,handoffs,value\nicq-tabular,1,100,a\nicq-tabular,2,100,b\n"
                + "icq-tabular,1,200,c\nicq-tabular,2,200,d\nicq-tabular,1,300,e\nicq-tabular,2,30"); // killed mid-row
        try (RunCsv csv = new RunCsv(file, HEADER, (algorithm, seed) -> seed == 1 ? 200L : 100L)) {
            csv.append(List.of("icq-tabular", "2", "200", "D"));
            csv.append(List.of("icq-tabular", "1", "300", "E"));
        }
        assertThat(Files.readAllLines(file)).containsExactly("algorithm,seed,handoffs,value", "icq-tabular,1,100,a",
                "icq-tabular,1,200,c", "icq-tabular,1,300,E", "icq-tabular,2,100,b", "icq-tabular,2,200,D");
    }
}
