package dev.handoff.env.llm;

/**
 * How a policy did on a set of questions: accuracy, mean dollars per question and mean reward
 * (correct − λ·dollars), with the grading and λ it was scored under (every report names both).
 */
public record PolicyScore(String policy, Grading grading, double costWeight, int questions, double accuracy,
                          double costPerQuestion, double reward) {
    /**
     * A Markdown table of scores that share a grading and λ (the caption line names both, and the question count).
     *
     * @throws IllegalArgumentException when the scores were made under different gradings or cost weights
     */
    public static String markdownTable(java.util.List<PolicyScore> scores) {
        if (scores.isEmpty()) {
            return "";
        }
        PolicyScore first = scores.get(0);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "Held-out questions: %d; grading: %s; cost weight λ = %s per dollar.%n%n",
                first.questions(), first.grading().id(), first.costWeight()));
        sb.append("| policy | accuracy | $ per question | reward |\n|---|---:|---:|---:|\n");
        for (PolicyScore s : scores) {
            if (s.grading() != first.grading() || s.costWeight() != first.costWeight()) {
                throw new IllegalArgumentException("scores under different gradings or cost weights cannot share a table");
            }
            sb.append(String.format(java.util.Locale.ROOT, "| %s | %.4f | %.6f | %.4f |%n", s.policy(), s.accuracy(),
                    s.costPerQuestion(), s.reward()));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return String.format("%s: accuracy %.4f, $%.6f/question, reward %.4f (λ=%s, %d questions, %s)", policy, accuracy,
                costPerQuestion, reward, costWeight, questions, grading.id());
    }
}
