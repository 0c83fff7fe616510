package dev.handoff.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document sits just above the foundation: {@code workflow} (records, loading, validation) depends on no other
 * model package but {@code input} (reading files) and {@code util} (atomic writes), so an environment kind's own rules reach the validator only through {@code workflow.EnvironmentRules}.
 */
class DocumentLayerTest {
    @Test
    void theWorkflowPackageDependsOnNoOtherModelPackage() {
        JavaClasses model = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.handoff");
        assertThat(model.contain(dev.handoff.workflow.WorkflowValidator.class)).isTrue();
        noClasses().that().resideInAPackage("dev.handoff.workflow")
                .should().dependOnClassesThat().resideInAnyPackage("dev.handoff.env..", "dev.handoff.observe..",
                        "dev.handoff.learn..", "dev.handoff.exact..", "dev.handoff.components..", "dev.handoff.train..",
                        "dev.handoff.metrics..", "dev.handoff.sweep..", "dev.handoff.policy..", "dev.handoff.cpu..",
                        "dev.handoff.checkpoint..")
                .because("kinds own their parameter validation; the validator sees them as EnvironmentRules")
                .check(model);
    }
}
