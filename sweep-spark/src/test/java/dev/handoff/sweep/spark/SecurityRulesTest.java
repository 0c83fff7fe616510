package dev.handoff.sweep.spark;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.handoff.architecture.SecurityRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The security rules of issue 13 ({@link SecurityRules}) hold for the Spark sweep engine. */
class SecurityRulesTest {
    @Test
    void keepsEverySecurityRule() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.handoff.sweep.spark");
        assertThat(classes.contain(dev.handoff.sweep.spark.CellTask.class)).as("the rules see the module's classes").isTrue();
        SecurityRules.check(classes);
    }
}
