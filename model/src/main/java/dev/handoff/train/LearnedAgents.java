package dev.handoff.train;

import dev.handoff.learn.TabularQLearner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a trained seed's policy is made of, for whoever writes it out (a policy bundle): one Q table per agent, or one
 * network per agent. The two are written in different formats, so a writer picks its format by this type, never by the
 * trainer's class.
 */
public sealed interface LearnedAgents permits LearnedAgents.Tables, LearnedAgents.Networks {

    /** One Q table per agent, over its interface keys (or over joint states, for the centralised oracle). */
    record Tables(List<TabularQLearner> learners, boolean jointState) implements LearnedAgents {
        public Tables {
            learners = List.copyOf(learners);
        }
    }

    /** One network per agent; {@link #writeTo} writes each as {@code <id>-0000.params} and {@code <id>.network.json}. */
    record Networks(NetworkWriter writer) implements LearnedAgents {
        public void writeTo(Path dir) throws IOException {
            writer.write(dir);
        }
    }

    /** File name stem of an agent's network files: its id with anything but letters, digits, '.', '_', '-' replaced. */
    static String networkStem(String agentId) {
        return agentId.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Writes the agents' networks into a folder. */
    @FunctionalInterface
    interface NetworkWriter {
        void write(Path dir) throws IOException;
    }
}
