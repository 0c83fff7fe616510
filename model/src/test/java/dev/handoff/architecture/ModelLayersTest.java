package dev.handoff.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.handoff.train.SeedRun;
import dev.handoff.train.SeedRuns;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model's own layers (issue 14.4), bottom up: the foundation ({@code util}, {@code input}, {@code checkpoint}, {@code metrics}, the
 * RV32IM machine {@code cpu}), the workflow document, what reads it ({@code observe}, {@code exact}, {@code learn}), the
 * environment kinds ({@code env}), the error components, training ({@code train}), and what uses trained seeds
 * ({@code sweep}, {@code policy}, {@code trace}, {@code offline}, {@code cpureport}). A layer may use the layers below
 * it, never one above: a new environment kind is one package under {@code env} that knows nothing of training, and the
 * trainers know nothing of sweeps or bundles.
 */
class ModelLayersTest {
    private static JavaClasses model;

    @BeforeAll
    static void importModel() {
        model = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.handoff");
    }

    static Architectures.LayeredArchitecture layers() {
        return Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Foundation").definedBy("dev.handoff.util..", "dev.handoff.input..", "dev.handoff.checkpoint..",
                        "dev.handoff.metrics..", "dev.handoff.cpu..")
                .layer("Document").definedBy("dev.handoff.workflow..")
                .layer("Reading").definedBy("dev.handoff.observe..", "dev.handoff.exact..", "dev.handoff.learn..")
                .layer("Environments").definedBy("dev.handoff.env..")
                .layer("Components").definedBy("dev.handoff.components..")
                .layer("Training").definedBy("dev.handoff.train..")
                .layer("Uses").definedBy("dev.handoff.sweep..", "dev.handoff.policy..", "dev.handoff.trace..",
                        "dev.handoff.offline..", "dev.handoff.cpureport..")
                .whereLayer("Uses").mayNotBeAccessedByAnyLayer()
                .whereLayer("Training").mayOnlyBeAccessedByLayers("Uses")
                .whereLayer("Components").mayOnlyBeAccessedByLayers("Training", "Uses")
                .whereLayer("Environments").mayOnlyBeAccessedByLayers("Components", "Training", "Uses")
                .whereLayer("Reading").mayOnlyBeAccessedByLayers("Environments", "Components", "Training", "Uses")
                .whereLayer("Document").mayOnlyBeAccessedByLayers("Reading", "Environments", "Components", "Training", "Uses")
                .whereLayer("Foundation").mayOnlyBeAccessedByLayers("Document", "Reading", "Environments", "Components",
                        "Training", "Uses");
    }

    @Test
    void everyModelPackageIsInALayer() {
        // a package outside every layer would escape the rule: name the ones the rule knows and compare
        java.util.Set<String> top = new java.util.TreeSet<>();
        model.forEach(c -> {
            String rest = c.getPackageName().substring("dev.handoff.".length());
            top.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
        });
        assertThat(top).containsExactlyInAnyOrder("util", "input", "checkpoint", "metrics", "cpu", "workflow", "observe", "exact",
                "learn", "env", "components", "train", "sweep", "policy", "trace", "offline", "cpureport");
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layers().check(model);
    }

    @Test
    void onlyTheFactoryBuildsTrainers() {
        noClasses().that().doNotHaveFullyQualifiedName(SeedRuns.class.getName()).and().areNotAssignableTo(SeedRun.class)
                .should().callConstructorWhere(target(owner(assignableTo(SeedRun.class))))
                .because("SeedRuns is the only place that knows which class trains which learner (issue 14.1)")
                .check(model);
    }
}
