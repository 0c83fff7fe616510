package dev.handoff.learn;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The scalar is the only thing that crosses between agents: a learner's state is its own table and nothing else. */
class LearnerIsolationTest {
    @Test
    void tabularLearnerFieldsArePrimitivesArraysOrItsOwnSchedule() {
        for (Field f : TabularQLearner.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Class<?> t = f.getType();
            boolean own = t.isPrimitive() || (t.isArray() && t.getComponentType().isPrimitive()) || StepSizeSchedule.class.isAssignableFrom(t);
            assertThat(own).as("field %s of type %s", f.getName(), t.getName()).isTrue();
        }
    }

    @Test
    void learnUsesOnlyTheScalarItIsGiven() {
        TabularQLearner a = new TabularQLearner(2, 2, 0.9, new StepSizeSchedule.Constant(1.0));
        double td = a.learn(0, 1, -1.0, 2, 5.0);
        assertThat(td).isEqualTo(-1.0 + 0.81 * 5.0);
        assertThat(a.q(0, 1)).isEqualTo(-1.0 + 0.81 * 5.0);
        assertThat(a.handoffScalar(0)).isEqualTo(a.q(0, 1));
        assertThat(a.greedyAction(0)).isEqualTo(1);
        assertThat(a.visits(0, 1)).isEqualTo(1);
    }

    @Test
    void greedyTiesBreakToTheLowestAction() {
        TabularQLearner a = new TabularQLearner(1, 3, 0.9, new StepSizeSchedule.Constant(0.5));
        assertThat(a.greedyAction(0)).isZero();
        a.learn(0, 2, 1.0, 1, 0.0);
        a.learn(0, 1, 1.0, 1, 0.0);
        assertThat(a.greedyAction(0)).isEqualTo(1);
    }
}
