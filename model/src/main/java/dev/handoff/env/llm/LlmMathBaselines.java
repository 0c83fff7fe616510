package dev.handoff.env.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference points of the multi-LLM experiment, evaluated directly on the recorded answers (no environment, no
 * learning): each model alone, the best fixed cascade, and the perfect router (right whenever any available model is
 * right, paying only for the cheapest right one) — an upper bound on what any router over these models can reach.
 */
public final class LlmMathBaselines {
    private LlmMathBaselines() {
    }

    /** How a fixed cascade decides to stop. */
    public enum CascadeRule {
        /** Call every model of the cascade in order, submit the last answer. */
        ESCALATE_ALWAYS,
        /** Call models in order; submit as soon as the last two answers have the same final number. */
        STOP_ON_AGREEMENT
    }

    /** One model answers every question. */
    public static PolicyScore singleModel(RecordedAnswers book, LlmMathSettings s, String model, int[] questions) {
        int m = index(book, model);
        int right = 0;
        double cost = 0;
        for (int k : questions) {
            right += book.correct(m, k, s.grading()) ? 1 : 0;
            cost += s.costs().cost(model, book.questionChars(k), book.answerChars(m, k));
        }
        return score(model + " alone", s, questions.length, right, cost);
    }

    /** Right whenever any of the models is right; pays for the cheapest right model (or the cheapest one if none is). */
    public static PolicyScore perfectRouter(RecordedAnswers book, LlmMathSettings s, List<String> models, int[] questions) {
        int right = 0;
        double cost = 0;
        for (int k : questions) {
            double cheapestRight = Double.POSITIVE_INFINITY;
            double cheapest = Double.POSITIVE_INFINITY;
            for (String model : models) {
                int m = index(book, model);
                double c = s.costs().cost(model, book.questionChars(k), book.answerChars(m, k));
                cheapest = Math.min(cheapest, c);
                if (book.correct(m, k, s.grading())) {
                    cheapestRight = Math.min(cheapestRight, c);
                }
            }
            boolean any = cheapestRight < Double.POSITIVE_INFINITY;
            right += any ? 1 : 0;
            cost += any ? cheapestRight : cheapest;
        }
        return score("perfect router over " + models, s, questions.length, right, cost);
    }

    /** A fixed cascade: these models in this order under this rule. */
    public static PolicyScore cascade(RecordedAnswers book, LlmMathSettings s, List<String> chain, CascadeRule rule,
                                      int[] questions) {
        int[] ms = new int[chain.size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = index(book, chain.get(i));
        }
        int right = 0;
        double cost = 0;
        for (int k : questions) {
            int last = -1;
            for (int i = 0; i < ms.length; i++) {
                int m = ms[i];
                cost += s.costs().cost(chain.get(i), book.questionChars(k), book.answerChars(m, k));
                boolean agree = last >= 0 && Gsm8kGrader.sameNumber(book.finalNumber(m, k), book.finalNumber(last, k));
                last = m;
                if (rule == CascadeRule.STOP_ON_AGREEMENT && agree) {
                    break;
                }
            }
            right += book.correct(last, k, s.grading()) ? 1 : 0;
        }
        return score("cascade " + String.join(" → ", chain) + " (" + rule.name().toLowerCase().replace('_', ' ') + ")", s,
                questions.length, right, cost);
    }

    /**
     * The best fixed cascade: every non-empty subsequence of {@code modelsInOrder} (cheapest first) under both rules,
     * chosen by reward on {@code selectOn} (the training questions), scored on {@code reportOn} (the held-out ones).
     */
    public static PolicyScore bestFixedCascade(RecordedAnswers book, LlmMathSettings s, List<String> modelsInOrder,
                                               int[] selectOn, int[] reportOn) {
        double best = Double.NEGATIVE_INFINITY;
        List<String> bestChain = null;
        CascadeRule bestRule = null;
        int n = modelsInOrder.size();
        for (int mask = 1; mask < (1 << n); mask++) {
            List<String> chain = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    chain.add(modelsInOrder.get(i));
                }
            }
            for (CascadeRule rule : CascadeRule.values()) {
                if (chain.size() == 1 && rule == CascadeRule.STOP_ON_AGREEMENT) {
                    continue;
                }
                double r = cascade(book, s, chain, rule, selectOn).reward();
                if (r > best + 1e-12) {
                    best = r;
                    bestChain = chain;
                    bestRule = rule;
                }
            }
        }
        PolicyScore held = cascade(book, s, bestChain, bestRule, reportOn);
        return new PolicyScore("best fixed " + held.policy(), held.grading(), held.costWeight(), held.questions(),
                held.accuracy(), held.costPerQuestion(), held.reward());
    }

    /** Every baseline for the LLM agents of an environment, on its held-out questions (cascade chosen on training ones). */
    public static List<PolicyScore> all(LlmMathEnvironment env) {
        RecordedAnswers book = env.answers();
        LlmMathSettings s = env.settings();
        List<String> models = new ArrayList<>();
        for (int i = 0; i < env.agentCount(); i++) {
            if (env.agentModel(i) >= 0 && !models.contains(book.model(env.agentModel(i)))) {
                models.add(book.model(env.agentModel(i)));
            }
        }
        int[] train = env.split().train();
        int[] test = env.split().test();
        models.sort((a, b) -> Double.compare(singleModel(book, s, a, train).costPerQuestion(),
                singleModel(book, s, b, train).costPerQuestion()));
        List<PolicyScore> out = new ArrayList<>();
        for (String m : models) {
            out.add(singleModel(book, s, m, test));
        }
        out.add(bestFixedCascade(book, s, models, train, test));
        out.add(perfectRouter(book, s, models, test));
        return out;
    }

    private static int index(RecordedAnswers book, String model) {
        int m = book.modelIndex(model);
        if (m < 0) {
            throw new IllegalArgumentException("no recorded answers for model \"" + model + "\"");
        }
        return m;
    }

    private static PolicyScore score(String name, LlmMathSettings s, int n, int right, double cost) {
        return new PolicyScore(name, s.grading(), s.costWeight(), n, (double) right / n, cost / n,
                ((double) right - s.costWeight() * cost) / n);
    }
}
