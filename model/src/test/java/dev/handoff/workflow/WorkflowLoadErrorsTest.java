package dev.handoff.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Broken documents fail with a {@link WorkflowLoadException} whose problems point at the broken place. */
class WorkflowLoadErrorsTest {

    private static ObjectNode validTree() {
        return WorkflowJson.toTree(SampleWorkflows.everyField());
    }

    private static String edited(Consumer<ObjectNode> edit) {
        ObjectNode tree = validTree();
        edit.accept(tree);
        return WorkflowJson.writeTree(tree);
    }

    private static List<Problem> loadProblems(String json) {
        WorkflowLoadException e = catchThrowableOfType(WorkflowLoadException.class,
                () -> WorkflowJson.parse(json, "broken.workflow.json"));
        assertThat(e).as("expected a WorkflowLoadException").isNotNull();
        assertThat(e.sourceName()).isEqualTo("broken.workflow.json");
        assertThat(e.problems()).isNotEmpty();
        return e.problems();
    }

    private static void assertProblem(List<Problem> problems, String path, String messagePart) {
        assertThat(problems).as("problems %s", problems).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(messagePart);
        });
    }

    private static ObjectNode agent(ObjectNode root, int i) {
        return (ObjectNode) root.withArray("agents").get(i);
    }

    @Test
    void syntaxErrorGivesLineAndColumnAtTheDocumentPath() {
        String json = "{\n  \"formatVersion\": 1,\n  \"name\": \"x\",,\n}";
        List<Problem> ps = loadProblems(json);
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).path()).isEqualTo("");
        assertThat(ps.get(0).message()).startsWith("not valid JSON at line 3, column 15");
    }

    @Test
    void truncatedDocumentIsASyntaxError() {
        String json = WorkflowJson.write(SampleWorkflows.minimal());
        List<Problem> ps = loadProblems(json.substring(0, json.length() / 2));
        assertThat(ps.get(0).path()).isEmpty();
        assertThat(ps.get(0).message()).contains("not valid JSON at line");
    }

    @Test
    void emptyDocumentAndNonObjectAreProblems() {
        assertProblem(loadProblems(""), "", "empty");
        assertProblem(loadProblems("[1, 2]"), "", "a workflow document is a JSON object, found an array");
        assertProblem(loadProblems("{\"formatVersion\": 1} {}"), "", "not valid JSON");
    }

    @Test
    void duplicateKeyIsASyntaxError() {
        assertProblem(loadProblems("{\"formatVersion\": 1, \"name\": \"a\", \"name\": \"b\"}"), "", "Duplicate field 'name'");
    }

    @Test
    void newerFormatVersionSaysWhichVersionThisBuildKnowsAndWhoWroteIt() {
        String json = edited(t -> t.put("formatVersion", 7).put("writtenBy", "Handoff Workbench 9.0.0"));
        List<Problem> ps = loadProblems(json);
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).path()).isEqualTo("/formatVersion");
        assertThat(ps.get(0).message())
                .contains("format version 7")
                .contains("newer app (Handoff Workbench 9.0.0)")
                .contains("up to " + Workflow.FORMAT_VERSION);
    }

    @Test
    void missingOrInvalidFormatVersionIsAProblem() {
        assertProblem(loadProblems(edited(t -> t.remove("formatVersion"))), "/formatVersion", "missing formatVersion");
        assertProblem(loadProblems(edited(t -> t.put("formatVersion", "1"))), "/formatVersion", "whole number");
        assertProblem(loadProblems(edited(t -> t.put("formatVersion", 0))), "/formatVersion", "not a format version");
    }

    @Test
    void wrongTypeGivesThePathOfTheValue() {
        List<Problem> ps = loadProblems(edited(t -> ((ObjectNode) t.get("training")).put("gamma", "high")));
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).path()).isEqualTo("/training/gamma");
        assertThat(ps.get(0).message()).contains("a number").contains("\"high\"");
    }

    @Test
    void everyWrongTypeIsReportedNotOnlyTheFirst() {
        List<Problem> ps = loadProblems(edited(t -> {
            ((ObjectNode) t.get("training")).put("gamma", "0.95");
            ((ObjectNode) agent(t, 2).withArray("options").get(0)).put("name", 3);
            ((ObjectNode) agent(t, 0).get("privateState")).put("values", 2.5);
            ((ObjectNode) t.get("artifact").get("features").get(0)).put("type", "integer");
        }));
        assertThat(ps).extracting(Problem::path).containsExactlyInAnyOrder("/training/gamma",
                "/agents/2/options/0/name", "/agents/0/privateState/values", "/artifact/features/0/type");
        assertProblem(ps, "/training/gamma", "expected a number, found the string \"0.95\"");
        assertProblem(ps, "/agents/2/options/0/name", "a string");
    }

    @Test
    void aWrongTypeInsideAWrongTypeIsNotReportedTwice() {
        List<Problem> ps = loadProblems(edited(t -> {
            agent(t, 1).put("options", 7);
            ((ObjectNode) t.get("training")).put("handoffs", "many");
        }));
        assertThat(ps).extracting(Problem::path).containsExactlyInAnyOrder("/agents/1/options", "/training/handoffs");
    }

    @Test
    void aProblemOfTheWholeDocumentPrintsWithoutAnEmptyPath() {
        assertThat(new Problem("", "the document is empty")).hasToString("the document is empty");
        assertThat(new Problem("", "the document is empty").line("flow.workflow.json"))
                .isEqualTo("flow.workflow.json: the document is empty");
        assertThat(new Problem("/training/gamma", "expected a number").line("flow.workflow.json"))
                .isEqualTo("/training/gamma: expected a number");
    }

    @Test
    void numberWhereAnObjectBelongsGivesItsPath() {
        assertProblem(loadProblems(edited(t -> agent(t, 1).withArray("options").set(0, 5))),
                "/agents/1/options/0", "an object");
    }

    @Test
    void fractionWhereAWholeNumberBelongsIsAProblem() {
        assertProblem(loadProblems(edited(t -> ((ObjectNode) agent(t, 0).get("privateState")).put("values", 2.5))),
                "/agents/0/privateState/values", "whole number");
    }

    @Test
    void numberTooLargeForAnIntIsAProblem() {
        assertProblem(loadProblems(edited(t -> ((ObjectNode) agent(t, 0).get("privateState")).put("values", 99_999_999_999L))),
                "/agents/0/privateState/values", "the number 99999999999 is out of range");
    }

    @Test
    void numberWhereTextBelongsIsAProblem() {
        assertProblem(loadProblems(edited(t -> ((ObjectNode) agent(t, 2).withArray("options").get(0)).put("name", 3))),
                "/agents/2/options/0/name", "a string");
    }

    @Test
    void unknownFeatureTypeListsTheTypes() {
        assertProblem(loadProblems(edited(t -> ((ObjectNode) t.get("artifact").get("features").get(0)).put("type", "integer"))),
                "/artifact/features/0/type", "int, real, bool, category");
        assertProblem(loadProblems(edited(t -> ((ObjectNode) t.get("artifact").get("features").get(0)).put("type", 0))),
                "/artifact/features/0/type", "");
    }

    @Test
    void unknownPropertyGivesItsPathAndSuggestsTheClosestField() {
        List<Problem> ps = loadProblems(edited(t -> ((ObjectNode) agent(t, 2).withArray("options").get(0)).put("nmae", "x")));
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).path()).isEqualTo("/agents/2/options/0/nmae");
        assertThat(ps.get(0).message()).contains("unknown property \"nmae\"; did you mean \"name\"?")
                .contains("expected one of: description, id, name");
    }

    @Test
    void everyUnknownPropertyIsReported() {
        List<Problem> ps = loadProblems(edited(t -> {
            t.put("colour", "red");
            ((ObjectNode) t.get("training")).putObject("extra").put("a", 1);
            ((ObjectNode) t.get("handoffs").get(1)).putArray("via").add(1);
        }));
        assertThat(ps).extracting(Problem::path)
                .containsExactlyInAnyOrder("/colour", "/training/extra", "/handoffs/1/via");
    }

    @Test
    void missingSectionIsAProblemNotANullPointer() {
        for (String section : List.of("artifact", "agents", "handoffs", "environment", "training")) {
            assertProblem(loadProblems(edited(t -> t.remove(section))), "/" + section, "missing required field \"" + section + "\"");
        }
        assertProblem(loadProblems(edited(t -> t.putNull("agents"))), "/agents", "missing required field");
    }

    @Test
    void missingRequiredFieldsInsideSectionsGiveTheirPaths() {
        List<Problem> ps = loadProblems(edited(t -> {
            agent(t, 1).remove("id");
            ((ObjectNode) t.get("training")).remove("gamma");
            ((ObjectNode) t.get("training").get("epsilon")).remove("end");
            ((ObjectNode) t.get("handoffs").get(3)).remove("to");
            ((ObjectNode) t.get("artifact").get("features").get(2)).remove("type");
            ((ObjectNode) agent(t, 0).get("observation").get("terms").get(1)).remove("feature");
            ((ObjectNode) t.get("layout").get("positions").get("writer")).remove("y");
            ((ObjectNode) agent(t, 2).get("privateState")).remove("values");
        }));
        assertThat(ps).extracting(Problem::path).containsExactlyInAnyOrder(
                "/artifact/features/2/type", "/agents/0/observation/terms/1/feature", "/agents/1/id",
                "/agents/2/privateState/values", "/handoffs/3/to", "/training/gamma", "/training/epsilon/end",
                "/layout/positions/writer/y");
    }

    @Test
    void nullForANumberIsAProblem() {
        assertProblem(loadProblems(edited(t -> ((ObjectNode) t.get("training")).putNull("handoffs"))),
                "/training/handoffs", "");
    }

    @Test
    void nullInsideAListIsAProblem() {
        List<Problem> ps = loadProblems(edited(t -> ((ArrayNode) t.get("training").get("seeds")).addNull()));
        assertThat(ps).singleElement().satisfies(p -> assertThat(p.path()).startsWith("/training"));
    }

    @Test
    void missingFileIsAProblemNotAnIoException(@TempDir Path dir) {
        WorkflowLoadException e = catchThrowableOfType(WorkflowLoadException.class,
                () -> WorkflowJson.read(dir.resolve("nowhere.workflow.json")));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("file not found"));
    }

    @Test
    void fileThatIsNotUtf8IsAProblem(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("latin1.workflow.json");
        Files.write(f, new byte[]{'{', '"', 'n', (byte) 0xE9, '"', ':', '1', '}'});
        WorkflowLoadException e = catchThrowableOfType(WorkflowLoadException.class, () -> WorkflowJson.read(f));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("UTF-8"));
    }

    @Test
    void fileWithByteOrderMarkAndWindowsLineEndingsLoads(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("windows.workflow.json");
        String text = "\uFEFF" + WorkflowJson.write(SampleWorkflows.minimal()).replace("\n", "\r\n");
        Files.writeString(f, text);
        assertThat(WorkflowJson.read(f)).isEqualTo(WorkflowJson.stamp(SampleWorkflows.minimal()));
    }

    @Test
    void validTreeHelperIsItselfLoadable() throws Exception {
        JsonNode tree = validTree();
        assertThat(WorkflowJson.parse(WorkflowJson.writeTree(tree), "ok").agents()).hasSize(3);
    }
}
