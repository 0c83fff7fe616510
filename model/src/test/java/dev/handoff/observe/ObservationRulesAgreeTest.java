package dev.handoff.observe;

import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.ArtifactSchema;
import dev.handoff.workflow.FeatureSpec;
import dev.handoff.workflow.FeatureType;
import dev.handoff.workflow.InterfaceSpec;
import dev.handoff.workflow.ObservationTerm;
import dev.handoff.workflow.OptionSpec;
import dev.handoff.workflow.PrivateStateSpec;
import dev.handoff.workflow.Problem;
import dev.handoff.workflow.SampleWorkflows;
import dev.handoff.workflow.Workflow;
import dev.handoff.workflow.WorkflowValidator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator accepts an observation spec exactly when {@link InterfaceMap#compile} can compile it. */
class ObservationRulesAgreeTest {
    private static final ArtifactSchema SCHEMA = new ArtifactSchema(List.of(
            FeatureSpec.integer("progress", 0, 10, null),
            FeatureSpec.real("quality", 0, 1, null),
            new FeatureSpec("stage", FeatureType.CATEGORY, null, null, List.of("draft", "review", "done"), null),
            FeatureSpec.bool("flagged", null),
            FeatureSpec.integer("score", -5, 5, null)));
    private static final String[] FEATURES = {null, "progress", "quality", "stage", "flagged", "score", "nope"};
    private static final Double[] CLAMPS = {null, -6.0, -0.5, 0.0, 0.3, 0.5, 2.0, 2.5, 2.7, 11.0, 30.0};
    private static final Integer[] SMALL = {null, -1, 0, 1, 2, 3, 5, 100_000};

    @Property(tries = 1000)
    void validatorAndCompilerAgree(@ForAll @IntRange(min = 0, max = 6) int feature,
                                   @ForAll @IntRange(min = 0, max = 10) int clampMin,
                                   @ForAll @IntRange(min = 0, max = 10) int clampMax,
                                   @ForAll @IntRange(min = 0, max = 7) int modulo,
                                   @ForAll @IntRange(min = 0, max = 7) int bins,
                                   @ForAll @IntRange(min = 0, max = 7) int secondBins,
                                   @ForAll boolean includePrivate) {
        ObservationTerm term = new ObservationTerm(FEATURES[feature], CLAMPS[clampMin], CLAMPS[clampMax], SMALL[modulo], SMALL[bins]);
        ObservationTerm second = ObservationTerm.binned("quality", SMALL[secondBins] == null ? 3 : SMALL[secondBins]);
        AgentSpec agent = new AgentSpec("solo", null, null, List.of(new OptionSpec("go", null, null)),
                new PrivateStateSpec("busy", 3, null), new InterfaceSpec(List.of(term, second), includePrivate));
        Workflow w = SampleWorkflows.minimal().withArtifact(SCHEMA).withAgents(List.of(agent));

        List<Problem> problems = new WorkflowValidator().validate(w).stream()
                .filter(p -> p.path().startsWith("/agents/0/observation")).toList();
        boolean compiles;
        try {
            InterfaceMap.compile(SCHEMA, agent);
            compiles = true;
        } catch (IllegalArgumentException e) {
            compiles = false;
        }
        Statistics.collect(compiles ? "compiles" : "refused");
        assertThat(compiles).as("compiles %s, validator says %s", term, problems).isEqualTo(problems.isEmpty());
    }
}
