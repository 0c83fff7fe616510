package dev.handoff.env.llm;

import dev.handoff.util.Rng;

import java.util.Arrays;

/** The fixed train / held-out split of the question indices, drawn from a seed (a Fisher–Yates shuffle). */
public record QuestionSplit(int[] train, int[] test) {

    public static QuestionSplit of(int questionCount, double testFraction, long seed) {
        int[] perm = new int[questionCount];
        for (int i = 0; i < questionCount; i++) {
            perm[i] = i;
        }
        Rng rng = new Rng(seed);
        for (int i = questionCount - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int testCount = (int) Math.round(questionCount * testFraction);
        int[] test = Arrays.copyOfRange(perm, 0, testCount);
        int[] train = Arrays.copyOfRange(perm, testCount, questionCount);
        Arrays.sort(test);
        Arrays.sort(train);
        return new QuestionSplit(train, test);
    }
}
