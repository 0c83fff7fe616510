package dev.handoff.input;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonInputTest {
    @TempDir
    Path dir;

    record Row(int key, double[] q, List<String> actions) {
    }

    private InputException refusal(String json) {
        return catchThrowableOfType(InputException.class,
                () -> JsonInput.bind(JsonInput.parseTree(json, "f.json"), Row.class, "f.json"));
    }

    @Test
    void aStringIsNeverANumberNotEvenNaN() {
        for (String s : List.of("\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"0.5\"", "\"abc\"")) {
            InputException e = refusal("{\"key\": 1, \"q\": [0.5, " + s + "], \"actions\": []}");
            assertThat(e.getMessage()).as(s).startsWith("f.json#/q/1: expected a number, found the string");
        }
    }

    @Test
    void wrongTypesAreNamedAtTheirPointerInPlainWords() {
        assertThat(refusal("{\"key\": \"x\", \"q\": [], \"actions\": []}").getMessage())
                .isEqualTo("f.json#/key: expected a whole number, found the string \"x\"");
        assertThat(refusal("{\"key\": 1.5, \"q\": [], \"actions\": []}").getMessage())
                .startsWith("f.json#/key: ").contains("whole number");
        assertThat(refusal("{\"key\": 1, \"q\": [], \"actions\": [3]}").getMessage())
                .startsWith("f.json#/actions/0: expected a string");
    }

    @Test
    void truncatedTextNamesTheLineAndSaysItEndsEarlyInOneSentence() {
        InputException e = catchThrowableOfType(InputException.class,
                () -> JsonInput.parseTree("{\n  \"key\": 1,\n  \"q\": [1, 2", "f.json"));
        assertThat(e.getMessage()).startsWith("f.json:3:").contains("ends early, inside an array (is the file truncated?)")
                .doesNotContain("Source").doesNotContain("\n").doesNotContain("REDACTED");
    }

    @Test
    void garbageIsNotJsonWithItsPlace() {
        InputException e = catchThrowableOfType(InputException.class, () -> JsonInput.parseTree("garbage{", "m.json"));
        assertThat(e.getMessage()).startsWith("m.json:1:1: not valid JSON: Unrecognized token 'garbage'")
                .doesNotContain("Source").doesNotContain("\n");
    }

    @Test
    void deepNestingIsRefusedAtTheDepthLimitWithoutRecursingFurther() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        InputException e = catchThrowableOfType(InputException.class, () -> JsonInput.parseTree(deep, "d.json"));
        assertThat(e.getMessage()).contains("nested too deeply").contains("max-json-depth = 64");
    }

    @Test
    void aMegabyteStringIsRefusedAtItsPointerNamingTheLimit() {
        String json = "{\"key\": 1, \"name\": \"" + "x".repeat(1 << 20) + "\"}";
        InputException e = catchThrowableOfType(InputException.class, () -> JsonInput.parseTree(json, "n.json"));
        assertThat(e.getMessage()).isEqualTo("n.json#/name: a string is too long: more than max-string-chars = 65536 characters");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedFromItsSizeBeforeReading() throws IOException {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(InputLimits.FILE_BYTES.value() + 1); // sparse: no 64 MB written
        }
        InputException e = catchThrowableOfType(InputException.class, () -> InputFiles.readBytes(big, "big.json"));
        assertThat(e.getMessage()).isEqualTo("big.json: the file is too large: " + (InputLimits.FILE_BYTES.value() + 1)
                + " bytes exceed max-file-bytes = " + InputLimits.FILE_BYTES.value());
    }

    @Test
    void aFolderOrAMissingFileIsSaidPlainly() {
        assertThatThrownBy(() -> JsonInput.readTree(dir, "runs")).isInstanceOf(InputException.class)
                .hasMessage("runs: is a folder, not a file");
        assertThatThrownBy(() -> JsonInput.readTree(dir.resolve("nope.json"), "nope.json"))
                .hasMessage("nope.json: file not found");
    }

    @Test
    void binaryGarbageIsNotUtf8() throws IOException {
        Path bin = dir.resolve("bin.json");
        Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3});
        assertThatThrownBy(() -> JsonInput.readTree(bin, "bin.json")).hasMessage("bin.json: the file is not UTF-8 text");
    }

    @Test
    void aValidDocumentBinds() throws InputException {
        JsonNode tree = JsonInput.parseTree("{\"key\": 2, \"q\": [0.5, -1e3], \"actions\": [\"a\"]}", "ok.json");
        Row r = JsonInput.bind(tree, Row.class, "ok.json");
        assertThat(r.key()).isEqualTo(2);
        assertThat(r.q()).containsExactly(0.5, -1000.0);
    }
}
