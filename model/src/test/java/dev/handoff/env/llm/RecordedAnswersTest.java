package dev.handoff.env.llm;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RecordedAnswersTest {
    private final RecordedAnswers book = Gsm8kData.released();

    @Test
    void releasedDataHas1319QuestionsAndSixModels() {
        assertThat(book.questionCount()).isEqualTo(1319);
        assertThat(book.modelCount()).isEqualTo(6);
        for (int m = 0; m < 6; m++) {
            assertThat(book.model(m)).isEqualTo(RecordedAnswers.RELEASED_MODELS.get(m));
            for (int k = 0; k < book.questionCount(); k++) {
                assertThat(book.releasedLabel(m, k)).isNotNull();
            }
        }
    }

    @Test
    void replayAccuracyOfEachModelEqualsTheReadmeFigures() {
        double[] readme = {0.2168, 0.3904, 0.3472, 0.5625, 0.6384, 0.8567};
        for (int m = 0; m < 6; m++) {
            double acc = book.accuracy(m, Grading.RELEASED_LABELS);
            assertThat(Math.round(acc * 10000) / 10000.0).as(book.model(m)).isEqualTo(readme[m]);
        }
    }

    @Test
    void oracleOfMixtralOrGpt4EqualsTheReadmeFigure() {
        int mixtral = book.modelIndex(RecordedAnswers.MIXTRAL_8X7B_INSTRUCT);
        int gpt4 = book.modelIndex(RecordedAnswers.GPT4_1106_PREVIEW);
        int any = 0;
        int onlyGpt4 = 0;
        int onlyMixtral = 0;
        int anyOfSix = 0;
        for (int k = 0; k < book.questionCount(); k++) {
            boolean a = book.correct(mixtral, k, Grading.RELEASED_LABELS);
            boolean b = book.correct(gpt4, k, Grading.RELEASED_LABELS);
            any += a || b ? 1 : 0;
            onlyGpt4 += !a && b ? 1 : 0;
            onlyMixtral += a && !b ? 1 : 0;
            boolean six = false;
            for (int m = 0; m < 6; m++) {
                six |= book.correct(m, k, Grading.RELEASED_LABELS);
            }
            anyOfSix += six ? 1 : 0;
        }
        assertThat(Math.round(any * 10000.0 / 1319) / 10000.0).isEqualTo(0.9287);
        assertThat(Math.round(anyOfSix * 10000.0 / 1319) / 10000.0).isEqualTo(0.9492);
        assertThat(onlyGpt4).isEqualTo(383);
        assertThat(onlyMixtral).isEqualTo(95);
    }

    @Test
    void regradingAgreesWithOpenAiLabelsAndFixesTheDollarCentsLabelsOfGpt4() {
        for (int m = 0; m < 4; m++) {
            assertThat(book.gradingDisagreements(m)).as(book.model(m)).isZero();
        }
        int gpt4 = book.modelIndex(RecordedAnswers.GPT4_1106_PREVIEW);
        assertThat(book.gradingDisagreements(gpt4)).isEqualTo(42);
        // the data README counts 7 for Mixtral with "last number incl. decimals"; our rule reads "#### n" first
        assertThat(book.gradingDisagreements(book.modelIndex(RecordedAnswers.MIXTRAL_8X7B_INSTRUCT))).isEqualTo(11);
        assertThat(book.accuracy(gpt4, Grading.REGRADED)).isGreaterThan(book.accuracy(gpt4, Grading.RELEASED_LABELS));
    }

    @Test
    void lastIntegerRuleReproducesRouteLlmLabelsExceptNegativeGolds() {
        for (String id : new String[] {RecordedAnswers.MIXTRAL_8X7B_INSTRUCT, RecordedAnswers.GPT4_1106_PREVIEW}) {
            int m = book.modelIndex(id);
            int differ = 0;
            for (int k = 0; k < book.questionCount(); k++) {
                boolean rule = Gsm8kGrader.lastIntegerCorrect(book.answer(m, k), book.goldText(k));
                differ += rule != book.releasedLabel(m, k) ? 1 : 0;
            }
            assertThat(differ).as(id).isZero();
        }
    }

    @Test
    void answerLengthsAreTheTextLengths() {
        assertThat(book.questionChars(0)).isEqualTo(book.question(0).length());
        // the first row of the released data (figures as in the README's derived table)
        assertThat(book.answerChars(book.modelIndex(RecordedAnswers.GPT3_6B_FINETUNING), 0)).isEqualTo(214);
        assertThat(book.answerChars(book.modelIndex(RecordedAnswers.GPT4_1106_PREVIEW), 0)).isEqualTo(262);
        assertThat(book.gold(0)).isEqualTo(18);
    }

    @Test
    void replayFileRoundTripsAnswersWithAndWithoutLabels(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        RecordedAnswers copy = Gsm8kData.freshCopy();
        Path file = dir.resolve("replay.jsonl");
        try (ReplayLog log = ReplayLog.open(file)) {
            log.append(new AnswerRecord(0, "local-llama", "She makes $18.00 a day.", null, "live:http://x"));
            log.append(new AnswerRecord(1, "local-llama", "It takes 2 bolts.", null, "live:http://x"));
        }
        assertThat(copy.loadReplay(file)).isEqualTo(2);
        int m = copy.modelIndex("local-llama");
        assertThat(copy.answer(m, 0)).isEqualTo("She makes $18.00 a day.");
        assertThat(copy.releasedLabel(m, 0)).isNull();
        assertThat(copy.correct(m, 0, Grading.REGRADED)).isTrue();
        // no released label: graded as RouteLLM would have (last integer: 00 != 18)
        assertThat(copy.correct(m, 0, Grading.RELEASED_LABELS)).isFalse();
        assertThat(copy.hasAnswer(m, 2)).isFalse();
        assertThat(copy.records(m)).hasSize(2);
    }
}
