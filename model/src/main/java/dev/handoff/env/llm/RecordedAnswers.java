package dev.handoff.env.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.input.InputException;
import dev.handoff.input.InputFiles;
import dev.handoff.input.JsonLines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The recorded behaviour of the models on the 1,319 GSM8K test questions: per question k and model, the answer
 * text, its released correctness label, its length in characters, its final number and whether it states a final
 * answer explicitly. Replay mode of the llm-math kind reads answers from here; live answers are added with
 * {@link #record(AnswerRecord)}.
 */
public final class RecordedAnswers {
    public static final String GPT3_6B_FINETUNING = "gpt3-6b-finetuning";
    public static final String GPT3_6B_VERIFICATION = "gpt3-6b-verification";
    public static final String GPT3_175B_FINETUNING = "gpt3-175b-finetuning";
    public static final String GPT3_175B_VERIFICATION = "gpt3-175b-verification";
    public static final String MIXTRAL_8X7B_INSTRUCT = "mixtral-8x7b-instruct";
    public static final String GPT4_1106_PREVIEW = "gpt-4-1106-preview";
    /** The six models of the released data, in the order of their README. */
    public static final List<String> RELEASED_MODELS = List.of(GPT3_6B_FINETUNING, GPT3_6B_VERIFICATION,
            GPT3_175B_FINETUNING, GPT3_175B_VERIFICATION, MIXTRAL_8X7B_INSTRUCT, GPT4_1106_PREVIEW);

    /** Where the project keeps the data, relative to the repository root. */
    public static final String PROJECT_DATA_DIRECTORY = "sample-workflows/data/gsm8k";

    private static final String[] OPENAI_KEYS = {"6b_finetuning", "6b_verification", "175b_finetuning", "175b_verification"};
    private static final String ROUTELLM_MIXTRAL = "mistralai/Mixtral-8x7B-Instruct-v0.1";
    private static final String ROUTELLM_GPT4 = "gpt-4-1106-preview";

    private final String[] questions;
    private final String[] goldTexts;
    private final double[] gold;
    private final int[] questionChars;
    private final List<ModelAnswers> models = new ArrayList<>();

    /** Answers of one model, indexed by question; label -1 = none, 0 = wrong, 1 = right. */
    private static final class ModelAnswers {
        final String id;
        final String[] text;
        final byte[] label;
        final int[] chars;
        final double[] finalNumber;
        final boolean[] hasFinal;
        final boolean[] regraded;
        final boolean[] lastInteger;
        final String[] source;

        ModelAnswers(String id, int n) {
            this.id = id;
            text = new String[n];
            label = new byte[n];
            Arrays.fill(label, (byte) -1);
            chars = new int[n];
            finalNumber = new double[n];
            Arrays.fill(finalNumber, Double.NaN);
            hasFinal = new boolean[n];
            regraded = new boolean[n];
            lastInteger = new boolean[n];
            source = new String[n];
        }
    }

    private RecordedAnswers(String[] questions, String[] goldTexts) {
        this.questions = questions;
        this.goldTexts = goldTexts;
        int n = questions.length;
        gold = new double[n];
        questionChars = new int[n];
        for (int k = 0; k < n; k++) {
            gold[k] = Gsm8kGrader.finalNumber(goldTexts[k]);
            if (Double.isNaN(gold[k])) {
                throw new IllegalArgumentException("test.jsonl line " + (k + 1) + ": gold answer \"" + goldTexts[k]
                        + "\" is not a number");
            }
            questionChars[k] = questions[k].length();
        }
    }

    /**
     * Loads the three released files from {@code directory}: {@code test.jsonl}, {@code example_model_solutions.jsonl}
     * and {@code routellm_gsm8k_responses.csv}, checking that their questions line up. A missing, malformed or
     * inconsistent file is refused with an {@link InputException} (unchecked, as {@link UncheckedIOException}) naming
     * the file and line.
     */
    public static RecordedAnswers loadReleased(Path directory) {
        try {
            return readReleased(directory);
        } catch (InputException e) {
            throw e.unchecked();
        }
    }

    private static RecordedAnswers readReleased(Path directory) throws InputException {
        Path testFile = directory.resolve("test.jsonl");
        String testName = testFile.toString();
        List<JsonLines.Line> test = JsonLines.read(testFile, testName);
        int n = test.size();
        if (n == 0) {
            throw InputException.of(testName, "no questions");
        }
        String[] questions = new String[n];
        String[] goldTexts = new String[n];
        for (int k = 0; k < n; k++) {
            questions[k] = JsonLines.text(test.get(k), "question", testName);
            String answer = JsonLines.text(test.get(k), "answer", testName);
            if (!answer.contains("####")) {
                throw InputException.atLine(testName, test.get(k).number(), 0, "/answer: no \"#### <number>\" final answer");
            }
            goldTexts[k] = answer.substring(answer.lastIndexOf("####") + 4).trim();
            if (Double.isNaN(Gsm8kGrader.finalNumber(goldTexts[k]))) {
                throw InputException.atLine(testName, test.get(k).number(), 0, "/answer: gold answer \"" + InputException.abbreviate(goldTexts[k], 40)
                        + "\" is not a number");
            }
        }
        RecordedAnswers book = new RecordedAnswers(questions, goldTexts);

        Path solutionsFile = directory.resolve("example_model_solutions.jsonl");
        String solutionsName = solutionsFile.toString();
        List<JsonLines.Line> solutions = JsonLines.read(solutionsFile, solutionsName);
        requireRows(solutionsName, solutions.size(), n);
        for (int m = 0; m < OPENAI_KEYS.length; m++) {
            int model = book.addModel(RELEASED_MODELS.get(m));
            for (int k = 0; k < n; k++) {
                JsonLines.Line row = solutions.get(k);
                requireSameQuestion(solutionsName, row.number(), questions[k], JsonLines.text(row, "question", solutionsName));
                JsonNode s = row.value().path(OPENAI_KEYS[m]);
                if (!s.path("solution").isTextual() || !s.path("is_correct").isBoolean()) {
                    throw InputException.atLine(solutionsName, row.number(), 0, "/" + OPENAI_KEYS[m]
                            + ": expected {\"solution\": text, \"is_correct\": true or false}");
                }
                book.put(model, k, s.get("solution").asText(), s.get("is_correct").asBoolean(), "released");
            }
        }

        Path csvFile = directory.resolve("routellm_gsm8k_responses.csv");
        String csvName = csvFile.toString();
        List<List<String>> csv = csvRows(InputFiles.readText(csvFile, csvName), csvName);
        if (csv.isEmpty()) {
            throw InputException.of(csvName, "the file is empty (no header row)");
        }
        List<String> header = csv.get(0);
        requireRows(csvName, csv.size() - 1, n);
        int prompt = column(csvName, header, "prompt");
        int[] labelCol = {column(csvName, header, ROUTELLM_MIXTRAL), column(csvName, header, ROUTELLM_GPT4)};
        int[] textCol = {column(csvName, header, ROUTELLM_MIXTRAL + "_response"), column(csvName, header, ROUTELLM_GPT4 + "_response")};
        String[] ids = {MIXTRAL_8X7B_INSTRUCT, GPT4_1106_PREVIEW};
        for (int m = 0; m < 2; m++) {
            int model = book.addModel(ids[m]);
            for (int k = 0; k < n; k++) {
                List<String> row = csv.get(k + 1);
                if (row.size() != header.size()) {
                    throw InputException.of(csvName, "row " + (k + 1) + " has " + row.size() + " fields, the header "
                            + header.size());
                }
                requireSameQuestion(csvName, k + 1, questions[k], row.get(prompt));
                String label = row.get(labelCol[m]);
                if (!label.equals("True") && !label.equals("False")) {
                    throw InputException.of(csvName, "row " + (k + 1) + ": label \"" + InputException.abbreviate(label, 40)
                            + "\" is neither True nor False");
                }
                book.put(model, k, row.get(textCol[m]), label.equals("True"), "released");
            }
        }
        return book;
    }

    /** The project's copy of the data: walks up from the working directory to the folder holding {@code sample-workflows}. */
    public static Path projectDataDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("sample-workflows"))) {
                return dir.resolve(PROJECT_DATA_DIRECTORY);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no sample-workflows folder above " + Path.of("").toAbsolutePath());
    }

    /** An independent copy (answers can be added to it without touching this one); texts are shared. */
    public RecordedAnswers copy() {
        RecordedAnswers c = new RecordedAnswers(questions, goldTexts);
        for (ModelAnswers a : models) {
            ModelAnswers b = new ModelAnswers(a.id, questions.length);
            System.arraycopy(a.text, 0, b.text, 0, a.text.length);
            System.arraycopy(a.label, 0, b.label, 0, a.label.length);
            System.arraycopy(a.chars, 0, b.chars, 0, a.chars.length);
            System.arraycopy(a.finalNumber, 0, b.finalNumber, 0, a.finalNumber.length);
            System.arraycopy(a.hasFinal, 0, b.hasFinal, 0, a.hasFinal.length);
            System.arraycopy(a.regraded, 0, b.regraded, 0, a.regraded.length);
            System.arraycopy(a.lastInteger, 0, b.lastInteger, 0, a.lastInteger.length);
            System.arraycopy(a.source, 0, b.source, 0, a.source.length);
            c.models.add(b);
        }
        return c;
    }

    /** Adds (or finds) a model column with no answers yet, e.g. a live model; returns its index. */
    public int addModel(String id) {
        int existing = modelIndex(id);
        if (existing >= 0) {
            return existing;
        }
        models.add(new ModelAnswers(id, questions.length));
        return models.size() - 1;
    }

    /** Adds one answer (a line of a replay file), replacing any earlier answer of that model to that question. */
    public void record(AnswerRecord r) {
        if (r.question() < 0 || r.question() >= questions.length) {
            throw new IllegalArgumentException("question index " + r.question() + " outside 0.." + (questions.length - 1));
        }
        put(addModel(r.model()), r.question(), r.answer(), r.correct(), r.source());
    }

    private void put(int model, int k, String text, Boolean label, String source) {
        ModelAnswers a = models.get(model);
        a.text[k] = text;
        a.label[k] = label == null ? -1 : (byte) (label ? 1 : 0);
        a.chars[k] = text.length();
        a.finalNumber[k] = Gsm8kGrader.finalNumber(text);
        a.hasFinal[k] = Gsm8kGrader.hasFinalAnswerMarker(text);
        a.regraded[k] = Gsm8kGrader.sameNumber(a.finalNumber[k], gold[k]);
        a.lastInteger[k] = Gsm8kGrader.lastIntegerCorrect(text, goldTexts[k]);
        a.source[k] = source;
    }

    /**
     * Reads a replay file (JSON Lines of {@link AnswerRecord}) into this book. Returns the number of records read. A
     * malformed line is refused with an {@link InputException} (unchecked) naming the file, line and field.
     */
    public int loadReplay(Path jsonl) {
        if (!Files.exists(jsonl)) {
            return 0;
        }
        String source = jsonl.toString();
        try {
            List<JsonLines.Line> lines = JsonLines.read(jsonl, source);
            for (JsonLines.Line line : lines) {
                AnswerRecord r = JsonLines.bind(line, AnswerRecord.class, source);
                if (r.model() == null || r.model().isBlank() || r.answer() == null) {
                    throw InputException.atLine(source, line.number(), 0, "a replay record needs \"model\" and \"answer\"");
                }
                if (r.question() < 0 || r.question() >= questions.length) {
                    throw InputException.atLine(source, line.number(), 0, "/question: " + r.question() + " is outside 0.."
                            + (questions.length - 1));
                }
                record(r);
            }
            return lines.size();
        } catch (InputException e) {
            throw e.unchecked();
        }
    }

    /** The answers of one model as replay records (questions it has answered, in order). */
    public List<AnswerRecord> records(int model) {
        ModelAnswers a = models.get(model);
        List<AnswerRecord> out = new ArrayList<>();
        for (int k = 0; k < questions.length; k++) {
            if (a.text[k] != null) {
                out.add(new AnswerRecord(k, a.id, a.text[k], a.label[k] < 0 ? null : a.label[k] == 1, a.source[k]));
            }
        }
        return out;
    }

    public int questionCount() {
        return questions.length;
    }

    public String question(int k) {
        return questions[k];
    }

    /** The gold answer as written after {@code ####} (e.g. {@code 1,450,000}). */
    public String goldText(int k) {
        return goldTexts[k];
    }

    public double gold(int k) {
        return gold[k];
    }

    public int questionChars(int k) {
        return questionChars[k];
    }

    public int modelCount() {
        return models.size();
    }

    public String model(int m) {
        return models.get(m).id;
    }

    public int modelIndex(String id) {
        for (int m = 0; m < models.size(); m++) {
            if (models.get(m).id.equals(id)) {
                return m;
            }
        }
        return -1;
    }

    public boolean hasAnswer(int m, int k) {
        return models.get(m).text[k] != null;
    }

    public String answer(int m, int k) {
        return models.get(m).text[k];
    }

    /** Length of the answer text in characters (the token-count proxy). */
    public int answerChars(int m, int k) {
        return models.get(m).chars[k];
    }

    /** The answer's final number under the re-grading rule (NaN when it has none). */
    public double finalNumber(int m, int k) {
        return models.get(m).finalNumber[k];
    }

    /** Whether the answer states its final number explicitly ({@code ####}, {@code A:}, "answer is"). */
    public boolean hasFinalAnswer(int m, int k) {
        return models.get(m).hasFinal[k];
    }

    /** The released label, or null when the answer has none (live answers). */
    public Boolean releasedLabel(int m, int k) {
        byte l = models.get(m).label[k];
        return l < 0 ? null : l == 1;
    }

    /** Correctness under the grading: the released label (last-integer rule when there is none), or re-graded. */
    public boolean correct(int m, int k, Grading grading) {
        ModelAnswers a = models.get(m);
        if (a.text[k] == null) {
            return false;
        }
        if (grading == Grading.REGRADED) {
            return a.regraded[k];
        }
        return a.label[k] < 0 ? a.lastInteger[k] : a.label[k] == 1;
    }

    /** Fraction of all questions the model got right under the grading. */
    public double accuracy(int m, Grading grading) {
        int right = 0;
        for (int k = 0; k < questions.length; k++) {
            right += correct(m, k, grading) ? 1 : 0;
        }
        return (double) right / questions.length;
    }

    /** Number of questions on which the two gradings disagree for this model. */
    public int gradingDisagreements(int m) {
        int d = 0;
        for (int k = 0; k < questions.length; k++) {
            d += correct(m, k, Grading.RELEASED_LABELS) != correct(m, k, Grading.REGRADED) ? 1 : 0;
        }
        return d;
    }

    /** The rows of an RFC 4180 text (quoted fields may hold commas, quotes and line ends), read with Apache Commons CSV. */
    private static List<List<String>> csvRows(String text, String name) throws InputException {
        List<List<String>> rows = new ArrayList<>();
        try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(text))) {
            parser.forEach(r -> rows.add(r.toList()));
        } catch (IOException | UncheckedIOException e) {
            throw InputException.ofMalformedCsv(name, e);
        }
        return rows;
    }

    private static int column(String file, List<String> header, String name) throws InputException {
        int c = header.indexOf(name);
        if (c < 0) {
            throw InputException.atLine(file, 1, 0, "no column \"" + name + "\" in the header");
        }
        return c;
    }

    private static void requireRows(String file, int rows, int expected) throws InputException {
        if (rows != expected) {
            throw InputException.of(file, rows + " rows, but test.jsonl has " + expected + " questions");
        }
    }

    private static void requireSameQuestion(String file, long row, String expected, String actual) throws InputException {
        if (!expected.strip().equals(actual.strip())) {
            throw InputException.of(file, "row " + row + ": the question differs from test.jsonl's");
        }
    }

}
