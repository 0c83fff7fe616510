package dev.handoff.offline;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.handoff.trace.AgentTrace;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No step of offline learning reads another agent's features: an agent is built from its own trace (one file, one
 * agent, views and no features), and all it gets from the others is the scalar board, keyed by handoff number.
 */
class OfflineIsolationTest {
    private static boolean own(Class<?> t) {
        return t.isPrimitive() || (t.isArray() && t.getComponentType().isPrimitive()) || t == AgentTrace.class;
    }

    @Test
    void anOfflineAgentHoldsOnlyItsOwnTraceAndTables() {
        int traces = 0;
        for (Field f : OfflineAgent.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                assertThat(own(f.getType())).as("field %s of type %s", f.getName(), f.getType().getName()).isTrue();
                traces += f.getType() == AgentTrace.class ? 1 : 0;
            }
        }
        assertThat(traces).isEqualTo(1);
        for (Constructor<?> c : OfflineAgent.class.getDeclaredConstructors()) {
            assertThat(Arrays.stream(c.getParameterTypes()).filter(t -> t == AgentTrace.class).count()).isEqualTo(1);
            assertThat(Arrays.stream(c.getParameterTypes()).allMatch(OfflineIsolationTest::own)).isTrue();
        }
        for (Method m : OfflineAgent.class.getDeclaredMethods()) {
            for (Class<?> p : m.getParameterTypes()) {
                assertThat(p.isPrimitive() || p == ScalarBoard.class).as("parameter of %s", m.getName()).isTrue();
            }
        }
    }

    @Test
    void theScalarBoardCarriesNumbersOnly() {
        for (Field f : ScalarBoard.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                assertThat(f.getType().isArray() && f.getType().getComponentType().isPrimitive()).as(f.getName()).isTrue();
            }
        }
    }

    @Test
    void aTraceHoldsViewsNotFeatures() {
        for (Field f : AgentTrace.class.getDeclaredFields()) {
            Class<?> t = f.getType();
            assertThat(t.isPrimitive() || t == int[].class || t == double[].class || t == String.class
                    || t == java.nio.file.Path.class).as("field %s of type %s", f.getName(), t.getName()).isTrue();
        }
    }

    @Test
    void offlineAgentsCannotReachFilesFeaturesOrOtherAgents() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.handoff.offline", "dev.handoff.trace");
        assertThat(classes.contain(OfflineAgent.class)).isTrue();
        noClasses().that().haveSimpleName("OfflineAgent").should().dependOnClassesThat()
                .haveSimpleNameEndingWith("Features").orShould().dependOnClassesThat()
                .haveNameMatching("dev\\.handoff\\.trace\\.(TraceSet|TraceReader|TraceAgents|HandoffIds).*")
                .orShould().dependOnClassesThat().haveNameMatching("dev\\.handoff\\.offline\\.(OfflineIcq|OfflineLearning).*")
                .orShould().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "dev.handoff.env..",
                        "dev.handoff.workflow..", "dev.handoff.observe..")
                .because("an agent learns from its own records and the scalars it received, joined only through handoff ids")
                .check(classes);
    }
}
