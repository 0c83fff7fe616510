package dev.handoff.env.llm;

/**
 * How a policy did on a set of questions: accuracy, mean dollars per question and mean reward
 * (correct − λ·dollars), with the grading and λ it was scored under (every report names both).
 */
public record PolicyScore(String policy, Grading grading, double costWeight, int questions, double accuracy,
                          double costPerQuestion, double reward) {
    @Override
    public String toString() {
        return String.format("%s: accuracy %.4f, $%.6f/question, reward %.4f (λ=%s, %d questions, %s)", policy, accuracy,
                costPerQuestion, reward, costWeight, questions, grading.id());
    }
}
