package dev.handoff.serve;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service holds one agent's policy: it never loads a whole bundle, a run or a trainer (which hold every agent's
 * tables), and it runs without DJL or JavaFX.
 */
class ServeArchitectureTest {
    @Test
    void aServiceReachesOneAgentsPolicyOnly() {
        JavaClasses serve = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.handoff.serve");
        assertThat(serve.contain(PolicyServer.class)).isTrue();
        noClasses().should().dependOnClassesThat().haveNameMatching(
                        "dev\\.handoff\\.policy\\.(PolicyBundle|BundleEvaluation|BundlePlayer)")
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.handoff.train..", "dev.handoff.learn..",
                        "dev.handoff.env..", "dev.handoff.exact..", "ai.djl..", "javafx..")
                .because("a deployed agent sees its own policy and nothing of the others (issue 15)")
                .check(serve);
    }

    @Test
    void djlIsNotOnTheServiceClasspath() {
        assertThat(getClass().getClassLoader().getResource("ai/djl/engine/Engine.class")).isNull();
    }
}
