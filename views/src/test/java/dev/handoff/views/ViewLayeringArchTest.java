package dev.handoff.views;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.handoff.workflow.WorkflowJson;
import dev.handoff.workflow.WorkflowValidator;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** MVVM in the views module: only view-models talk to the model's services; views bind and forward gestures. */
class ViewLayeringArchTest {
    private static final JavaClasses VIEWS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.handoff.views");

    @Test
    void theRulesSeeTheViewClasses() {
        // an ArchUnit rule over an empty import passes vacuously
        assertThat(VIEWS.contain(dev.handoff.views.document.DocumentViewModel.class)).isTrue();
        assertThat(VIEWS.size()).isGreaterThan(20);
    }

    @Test
    void viewsDoNotReadOrWriteFilesOrValidateThemselves() {
        noClasses().that().areAssignableTo(Node.class)
                .should().dependOnClassesThat().belongToAnyOf(WorkflowJson.class, WorkflowValidator.class, java.nio.file.Files.class)
                .because("file IO and validation belong to the view-models")
                .check(VIEWS);
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleName("SelectionModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("view-models are tested without a screen")
                .check(VIEWS);
    }

    @Test
    void theDashboardKnowsNoEnvironmentKindOutsideItsExtensions() {
        noClasses().that().resideInAPackage("dev.handoff.views.training..")
                .and().resideOutsideOfPackage("dev.handoff.views.training.extension..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.handoff.env.synthetic..", "dev.handoff.env.routing..",
                        "dev.handoff.env.llm..", "dev.handoff.env.cpu..")
                .because("environment-specific panels come from the kind's DashboardExtension")
                .check(VIEWS);
    }

    @Test
    void onlyTheTaskExecutorStartsThreads() {
        noClasses().that().resideOutsideOfPackage("dev.handoff.views.task..")
                .should().dependOnClassesThat().belongToAnyOf(Thread.class, java.util.concurrent.ExecutorService.class,
                        java.util.concurrent.Executors.class)
                .because("background work goes through a TaskExecutor, never a raw thread from a view")
                .check(VIEWS);
    }

    @Test
    void viewsShowChartContentButDoNotBuildDatasets() {
        noClasses().that().areAssignableTo(Node.class)
                .should().dependOnClassesThat().belongToAnyOf(org.jfree.data.xy.XYSeries.class,
                        org.jfree.data.xy.XYSeriesCollection.class, org.jfree.data.xy.YIntervalSeries.class,
                        org.jfree.data.xy.YIntervalSeriesCollection.class)
                .because("chart adapters build the datasets from the view-models; views only show them")
                .check(VIEWS);
    }
}
