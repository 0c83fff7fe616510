package dev.handoff.sweep.spark;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The engine is a model-level plug-in: it needs handoff-model and Spark, never the app or the desktop (the module
 * depends on the app only to package the CLI into the spark-submit jar and to test end to end).
 */
class EngineLayerTest {
    @Test
    void theEngineUsesTheModelOnly() {
        noClasses().that().resideInAPackage("dev.handoff.sweep.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.handoff.app..", "dev.handoff.views..", "javafx..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.handoff.sweep.spark"));
    }
}
