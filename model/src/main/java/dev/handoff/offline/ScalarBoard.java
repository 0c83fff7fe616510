package dev.handoff.offline;

import java.util.Arrays;

/**
 * The one channel between agents learning from their traces: per handoff number, the scalar its receiver published
 * (max over its actions of Q at the view it recorded for that handoff). Nothing else is on it: no views, no features,
 * no rewards. It remembers which agent published each handoff, so two traces claiming the same handoff are caught.
 */
public final class ScalarBoard {
    private final double[] scalar;
    private final int[] publisher;

    public ScalarBoard(int handoffs) {
        this.scalar = new double[handoffs];
        this.publisher = new int[handoffs];
        Arrays.fill(publisher, -1);
    }

    /**
     * Publishes {@code value} for handoff {@code handoff} on behalf of agent number {@code agent}.
     *
     * @throws IllegalStateException when another agent already published this handoff
     */
    public void publish(int handoff, double value, int agent) {
        int known = publisher[handoff];
        if (known >= 0 && known != agent) {
            throw new DuplicateHandoffException(handoff, known, agent);
        }
        publisher[handoff] = agent;
        scalar[handoff] = value;
    }

    /** Whether some agent received (and so published) handoff {@code handoff}. */
    public boolean has(int handoff) {
        return publisher[handoff] >= 0;
    }

    /** The scalar published for handoff {@code handoff} (check {@link #has} first). */
    public double scalar(int handoff) {
        return scalar[handoff];
    }

    /** Two agents' traces both record receiving the same handoff. */
    public static final class DuplicateHandoffException extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final int handoff;
        private final int first;
        private final int second;

        DuplicateHandoffException(int handoff, int first, int second) {
            super("handoff number " + handoff + " is received by two agents (" + first + " and " + second + ")");
            this.handoff = handoff;
            this.first = first;
            this.second = second;
        }

        public int handoff() {
            return handoff;
        }

        public int firstAgent() {
            return first;
        }

        public int secondAgent() {
            return second;
        }
    }
}
