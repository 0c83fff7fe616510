package dev.handoff.workflow;

import dev.handoff.workflow.ParameterReader.Range;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterReaderTest {
    private final List<Problem> problems = new ArrayList<>();

    private ParameterReader reader(Map<String, ?> values) {
        return new ParameterReader(values, "/environment/parameters", problems);
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void aNumberInRangeIsReadAndAMissingOneTakesItsDefault() {
        ParameterReader r = reader(map("lambda", 0.5, "eta", 1));
        assertThat(r.number("lambda", 0, Range.closed(0, 2))).isEqualTo(0.5);
        assertThat(r.number("eta", 0.05, Range.closed(0, 1))).isEqualTo(1.0);
        assertThat(r.number("rGoal", 10, Range.ANY)).isEqualTo(10.0);
        assertThat(problems).isEmpty();
    }

    @Test
    void aStringIsNotANumberEvenWhenItSpellsOne() {
        for (String text : List.of("abc", "NaN", "Infinity", "0.5")) {
            problems.clear();
            assertThat(reader(map("lambda", text)).number("lambda", 0.25, Range.closed(0, 1.998))).isEqualTo(0.25);
            assertThat(problems).containsExactly(new Problem("/environment/parameters/lambda",
                    "expected a number in [0, 1.998], found the string \"" + text + "\""));
        }
    }

    @Test
    void nonFiniteAndOutOfRangeNumbersAreRefusedWithTheRange() {
        ParameterReader r = reader(map("a", Double.NaN, "b", Double.POSITIVE_INFINITY, "c", -1, "d", 0.0, "e", 1e300));
        r.number("a", 0, Range.ANY);
        r.number("b", 0, Range.atLeast(0));
        r.number("c", 0, Range.closed(0, 1));
        r.number("d", 1, Range.above(0));
        r.number("e", 0, Range.open(0, 1));
        assertThat(problems).extracting(Problem::toString).containsExactly(
                "/environment/parameters/a: expected a number, found NaN",
                "/environment/parameters/b: expected a number ≥ 0, found Infinity",
                "/environment/parameters/c: expected a number in [0, 1], found -1",
                "/environment/parameters/d: expected a number > 0, found 0.0",
                "/environment/parameters/e: expected a number in (0, 1), found 1.0E300");
    }

    @Test
    void wholeNumbersRefuseFractionsAndValuesBeyondTheirType() {
        ParameterReader r = reader(map("levels", 6.0, "bins", 2.5, "big", new BigInteger("99999999999999999999"),
                "count", 12345678901L, "ok", 7));
        assertThat(r.wholeInt("levels", 6, Range.atLeast(2))).isEqualTo(6);
        r.wholeInt("bins", 4, Range.atLeast(1));
        r.wholeNumber("big", 7, Range.ANY);
        r.wholeInt("count", 1, Range.atLeast(1));
        assertThat(r.wholeInt("ok", 1, Range.closed(1, 10))).isEqualTo(7);
        assertThat(problems).extracting(Problem::toString).containsExactly(
                "/environment/parameters/levels: expected a whole number ≥ 2, found 6.0",
                "/environment/parameters/bins: expected a whole number ≥ 1, found 2.5",
                "/environment/parameters/big: expected a whole number, found 99999999999999999999",
                "/environment/parameters/count: expected a whole number ≥ 1, found 12345678901");
    }

    @Test
    void nullBooleansListsAndObjectsAreNamedForWhatTheyAre() {
        Map<String, Object> values = new HashMap<>();
        values.put("a", null);
        values.put("b", true);
        values.put("c", List.of(1));
        values.put("d", Map.of());
        ParameterReader r = reader(values);
        for (String k : List.of("a", "b", "c", "d")) {
            r.number(k, 0);
        }
        assertThat(problems).extracting(Problem::message).containsExactly("expected a number, found null",
                "expected a number, found true", "expected a number, found a list", "expected a number, found an object");
    }

    @Test
    void textsChoicesAndListsAreTyped() {
        ParameterReader r = reader(map("name", 3, "blank", " ", "grading", "regraded", "duration", "Tokenz",
                "tasks", List.of("hd01", 2, "hd03"), "notAList", "hd01"));
        assertThat(r.text("name", "x")).isEqualTo("x");
        assertThat(r.text("blank", null)).isNull();
        assertThat(r.choice("grading", "released-labels", Map.of("regraded", "R"))).isEqualTo("R");
        Map<String, String> durations = new LinkedHashMap<>();
        durations.put("tokens", "T");
        durations.put("calls", "C");
        assertThat(r.choice("duration", "T", durations)).isEqualTo("T");
        assertThat(r.texts("tasks", List.of())).isEmpty();
        assertThat(r.texts("notAList", List.of("all"))).containsExactly("all");
        assertThat(problems).extracting(Problem::toString).containsExactly(
                "/environment/parameters/name: expected a non-empty string, found 3",
                "/environment/parameters/blank: expected a non-empty string, found the string \" \"",
                "/environment/parameters/duration: expected one of \"tokens\", \"calls\", found the string \"Tokenz\"; "
                        + "did you mean \"tokens\"?",
                "/environment/parameters/tasks/1: expected a non-empty string, found 2",
                "/environment/parameters/notAList: expected a list of strings, found the string \"hd01\"");
    }

    @Test
    void choicesIgnoreCase() {
        assertThat(reader(map("defaultDifficulty", "D1")).choice("defaultDifficulty", 0, Map.of("d0", 0, "d1", 1)))
                .isEqualTo(1);
        assertThat(problems).isEmpty();
    }

    @Test
    void nestedObjectsReportAtTheirOwnPaths() {
        ParameterReader r = reader(map("live", map("gpt4", map("timeoutSeconds", "60", "modle", "x"), "bad", 5),
                "costs", "cheap"));
        Map<String, ParameterReader> live = r.objects("live", "an endpoint object");
        assertThat(live).containsOnlyKeys("gpt4");
        ParameterReader gpt4 = live.get("gpt4");
        gpt4.require("model", "the name the server knows");
        gpt4.number("timeoutSeconds", 60, Range.above(0));
        gpt4.refuseUnknown("live endpoint field");
        assertThat(r.object("costs")).isEmpty();
        assertThat(problems).extracting(Problem::toString).containsExactly(
                "/environment/parameters/live/bad: expected an endpoint object, found 5",
                "/environment/parameters/live/gpt4: missing required field \"model\" (the name the server knows)",
                "/environment/parameters/live/gpt4/timeoutSeconds: expected a number > 0, found the string \"60\"",
                "/environment/parameters/live/gpt4/modle: unknown live endpoint field \"modle\"; did you mean \"model\"? "
                        + "(known: model, timeoutSeconds)",
                "/environment/parameters/costs: expected an object, found the string \"cheap\"");
    }

    @Test
    void unknownKeysAreRefusedWithTheClosestKnownOneAndTheList() {
        ParameterReader r = reader(map("lamda", 1.0, "eta", 0.1, "a/b", 1));
        r.number("lambda", 0);
        r.number("eta", 0.05);
        r.refuseUnknown("synthetic parameter");
        assertThat(problems).extracting(Problem::toString).containsExactly(
                "/environment/parameters/lamda: unknown synthetic parameter \"lamda\"; did you mean \"lambda\"? "
                        + "(known: eta, lambda)",
                "/environment/parameters/a~1b: unknown synthetic parameter \"a/b\" (known: eta, lambda)");
    }

    @Test
    void environmentReaderStartsAtTheParametersPath() {
        ParameterReader r = ParameterReader.of(new EnvironmentSpec("synthetic", map("x", 1)), problems);
        assertThat(r.path()).isEqualTo("/environment/parameters");
        assertThat(r.pathOf("x")).isEqualTo("/environment/parameters/x");
        assertThat(ParameterReader.of(null, problems).has("x")).isFalse();
    }
}
