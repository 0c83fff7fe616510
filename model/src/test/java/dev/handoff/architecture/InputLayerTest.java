package dev.handoff.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code input} (limits and untrusted-file reading) is below every other model package, the document included. */
class InputLayerTest {
    @Test
    void theInputPackageDependsOnNoOtherModelPackage() {
        JavaClasses model = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.handoff");
        assertThat(model.contain(dev.handoff.input.InputLimits.class)).isTrue();
        noClasses().that().resideInAPackage("dev.handoff.input")
                .should().dependOnClassesThat(resideInAPackage("dev.handoff..").and(not(resideInAPackage("dev.handoff.input")))
                        .as("other model packages"))
                .because("every loader, the workflow's included, reads files through it")
                .check(model);
    }
}
