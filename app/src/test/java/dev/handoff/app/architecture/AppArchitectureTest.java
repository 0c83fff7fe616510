package dev.handoff.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app module's place in the modules (issue 14.4): the CLI runs without JavaFX or the views, the app trains only
 * through the model's training session (never through a trainer class), and nothing below the app depends on it.
 */
class AppArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importAll() {
        // the model's and the views' classes come as folders or as jars, depending on how far the reactor got
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.handoff");
    }

    @Test
    void theRulesSeeTheAppTheViewsAndTheModel() {
        assertThat(classes.contain(dev.handoff.app.cli.HandoffCli.class)).isTrue();
        assertThat(classes.contain(dev.handoff.app.MainWindow.class)).isTrue();
        assertThat(classes.contain(dev.handoff.train.TrainingSession.class)).isTrue();
        assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith("dev.handoff.views"))).isTrue();
    }

    @Test
    void theCliIsHeadless() {
        noClasses().that().resideInAPackage("dev.handoff.app.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.handoff.views..")
                .because("handoff runs on machines without a display; the CLI uses the model only")
                .check(classes);
    }

    @Test
    void theAppTrainsThroughTheTrainingSession() {
        noClasses().that().resideInAPackage("dev.handoff.app..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.handoff.train.SeedTrainer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.handoff.train.NeuralSeedTrainer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.handoff.train.TrainingRun")
                .because("training is one service (TrainingSession, LiveTraining) whatever the front end (issue 14.1)")
                .check(classes);
    }

    @Test
    void nothingBelowTheAppDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("dev.handoff.app..")
                .should().dependOnClassesThat().resideInAPackage("dev.handoff.app..")
                .because("app → views → model, one way")
                .check(classes);
    }
}
