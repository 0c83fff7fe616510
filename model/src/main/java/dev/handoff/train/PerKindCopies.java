package dev.handoff.train;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * One copy of {@link TabularHotLoop} per environment class, each a hidden class defined from the loop's own class file
 * (issue 16.2). The JIT keeps type and branch profiles per class, so the loop's calls into the environment (next
 * decision, view keys, step) stay monomorphic and inlined in every copy, however many kinds the JVM has trained: with
 * one shared loop, training the routing kind once made the synthetic ring's loop 7% slower. Where the class file
 * cannot be read (an unusual packaging), every kind shares the one loop: slower in a mixed JVM, the same numbers.
 */
final class PerKindCopies {
    private static final MethodType RUN = MethodType.methodType(void.class, dev.handoff.env.HandoffEnvironment.class,
            dev.handoff.learn.TabularQLearner[].class, dev.handoff.env.JointStateAccess.class,
            dev.handoff.env.StepOutcome.class, dev.handoff.util.Rng.class, WindowStats.class, HandoffRecorder.class, boolean.class,
            double.class, long.class, long.class);

    private static final ClassValue<MethodHandle> LOOPS = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> environmentClass) {
            return copyOfTabularLoop();
        }
    };

    private PerKindCopies() {
    }

    /** {@link TabularHotLoop#run}, in the copy that belongs to {@code environmentClass}. */
    static MethodHandle tabularLoop(Class<?> environmentClass) {
        return LOOPS.get(environmentClass);
    }

    private static MethodHandle copyOfTabularLoop() {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            byte[] bytes;
            try (InputStream in = TabularHotLoop.class.getResourceAsStream("TabularHotLoop.class")) {
                if (in == null) {
                    return lookup.findStatic(TabularHotLoop.class, "run", RUN);
                }
                bytes = in.readAllBytes();
            }
            Class<?> copy = lookup.defineHiddenClass(bytes, true).lookupClass();
            return lookup.in(copy).findStatic(copy, "run", RUN);
        } catch (IOException | ReflectiveOperationException | LinkageError e) {
            try {
                return lookup.findStatic(TabularHotLoop.class, "run", RUN);
            } catch (ReflectiveOperationException impossible) {
                throw new IllegalStateException("the tabular hot loop is missing", impossible);
            }
        }
    }
}
