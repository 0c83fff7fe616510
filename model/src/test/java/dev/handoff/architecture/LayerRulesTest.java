package dev.handoff.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The blueprint's hard rules for the model, as tests: pure Java, and IC-Q agents that cannot see each other. */
class LayerRulesTest {
    private static JavaClasses model;

    @BeforeAll
    static void importModel() {
        model = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.handoff");
    }

    @Test
    void theRulesSeeTheWholeModel() {
        // an ArchUnit rule over an empty import passes vacuously: make sure the classes it judges are really there
        assertThat(model.contain(dev.handoff.learn.TabularQLearner.class)).isTrue();
        assertThat(model.contain(dev.handoff.train.SeedTrainer.class)).isTrue();
        assertThat(model.size()).isGreaterThan(100);
    }

    @Test
    void modelNeverImportsJavaFx() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("model is pure Java; JavaFX lives in views and app");
        rule.check(model);
    }

    @Test
    void modelNeverDependsOnViewsOrApp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.handoff.views..", "dev.handoff.app..")
                .check(model);
    }

    @Test
    void learnersHoldNoReferenceToEnvironmentsTrainersOrTheJointState() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.handoff.learn..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.handoff.env..", "dev.handoff.train..",
                        "dev.handoff.exact..")
                .because("an IC-Q agent sees only its own views and the one scalar the trainer carries (ICQ.md §2)");
        rule.check(model);
    }

    @Test
    void noJavaSerializationOrScriptEngines() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
                .orShould().dependOnClassesThat().resideInAPackage("javax.script..")
                .because("loading a file must never execute code").check(model);
    }
}
