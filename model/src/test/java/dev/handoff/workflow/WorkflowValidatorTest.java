package dev.handoff.workflow;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** One failing example per validation rule, each asserting the exact JSON path of its problem. */
class WorkflowValidatorTest {
    private static final WorkflowValidator GENERIC = new WorkflowValidator();

    // ---------------------------------------------------------------- helpers

    private static Workflow base() {
        return SampleWorkflows.everyField();
    }

    private static List<Problem> problems(Workflow w) {
        return GENERIC.validate(w);
    }

    private static void assertProblem(Workflow w, String path, String messagePart) {
        assertProblem(GENERIC.validate(w), path, messagePart);
    }

    private static void assertProblem(List<Problem> problems, String path, String messagePart) {
        assertThat(problems)
                .as("problems %s", problems)
                .anySatisfy(p -> {
                    assertThat(p.path()).isEqualTo(path);
                    assertThat(p.message()).contains(messagePart);
                });
    }

    private static Workflow withFeature(int i, UnaryOperator<FeatureSpec> change) {
        Workflow w = base();
        List<FeatureSpec> fs = new ArrayList<>(w.artifact().features());
        fs.set(i, change.apply(fs.get(i)));
        return w.withArtifact(new ArtifactSchema(fs));
    }

    private static Workflow withAgent(int i, UnaryOperator<AgentSpec> change) {
        Workflow w = base();
        List<AgentSpec> as = new ArrayList<>(w.agents());
        as.set(i, change.apply(as.get(i)));
        return w.withAgents(as);
    }

    private static Workflow withTerm(int agent, int term, ObservationTerm t) {
        return withAgent(agent, a -> {
            List<ObservationTerm> ts = new ArrayList<>(a.observation().terms());
            ts.set(term, t);
            return a.withObservation(a.observation().withTerms(ts));
        });
    }

    private static Workflow withHandoff(int i, HandoffSpec h) {
        Workflow w = base();
        List<HandoffSpec> hs = new ArrayList<>(w.handoffs());
        if (i == hs.size()) {
            hs.add(h);
        } else {
            hs.set(i, h);
        }
        return w.withHandoffs(hs);
    }

    private static Workflow withTraining(UnaryOperator<TrainingSettings> change) {
        Workflow w = base();
        return w.withTraining(change.apply(w.training()));
    }

    private static FeatureSpec feature(FeatureSpec f, Double min, Double max) {
        return new FeatureSpec(f.name(), f.type(), min, max, f.categories(), f.description());
    }

    // ---------------------------------------------------------------- valid documents

    @Test
    void unknownAlgorithmIsReportedWithASuggestion() {
        Workflow w = SampleWorkflows.minimal();
        w = w.withTraining(w.training().withAlgorithm("icq-tabualr"));
        assertThat(problems(w)).anyMatch(p -> p.path().equals("/training/algorithm") && p.message().contains("icq-tabular"));
    }

    @Test
    void sampleWorkflowsHaveNoProblems() {
        assertThat(problems(SampleWorkflows.everyField())).isEmpty();
        assertThat(problems(SampleWorkflows.minimal())).isEmpty();
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        Workflow w = withTraining(t -> t.withGamma(0)).withHandoffs(base().handoffs().subList(0, 4));
        w = w.withAgents(List.of(w.agents().get(0), w.agents().get(1), w.agents().get(2).withId("writer")));
        List<Problem> ps = problems(w);
        assertProblem(ps, "/training/gamma", "gamma must be in (0, 1]");
        assertProblem(ps, "/agents/2/id", "duplicate agent id \"writer\" (also /agents/0)");
        assertProblem(ps, "/handoffs/1/to", "unknown agent \"editor\"");
    }

    // ---------------------------------------------------------------- artifact

    @Test
    void missingArtifactIsAProblem() {
        assertProblem(base().withArtifact(null), "/artifact", "missing artifact");
    }

    @Test
    void featureWithoutNameIsAProblem() {
        assertProblem(withFeature(3, f -> new FeatureSpec(" ", f.type(), null, null, null, null)),
                "/artifact/features/3/name", "needs a name");
    }

    @Test
    void duplicateFeatureNameIsAProblem() {
        assertProblem(withFeature(3, f -> FeatureSpec.bool("stage", null)),
                "/artifact/features/3/name", "duplicate feature name \"stage\" (also /artifact/features/2)");
    }

    @Test
    void featureWithoutTypeIsAProblem() {
        assertProblem(withFeature(3, f -> new FeatureSpec(f.name(), null, null, null, null, null)),
                "/artifact/features/3/type", "needs a type");
    }

    @Test
    void featureMinAboveMaxIsAProblem() {
        assertProblem(withFeature(1, f -> feature(f, 2.0, 1.0)), "/artifact/features/1/min", "min 2 is greater than max 1");
    }

    @Test
    void numericFeatureWithoutBoundsIsAProblem() {
        assertProblem(withFeature(0, f -> feature(f, null, 10.0)), "/artifact/features/0/min", "needs min");
        assertProblem(withFeature(1, f -> feature(f, 0.0, null)), "/artifact/features/1/max", "needs max");
        assertProblem(withFeature(1, f -> feature(f, 0.0, Double.POSITIVE_INFINITY)), "/artifact/features/1/max", "finite");
    }

    @Test
    void intFeatureBoundsMustBeWholeNumbers() {
        assertProblem(withFeature(0, f -> feature(f, 0.5, 10.0)), "/artifact/features/0/min", "whole-number min, not 0.5");
        assertProblem(withFeature(0, f -> feature(f, 0.0, 9.5)), "/artifact/features/0/max", "whole-number max, not 9.5");
    }

    @Test
    void categoryFeatureNeedsCategories() {
        assertProblem(withFeature(2, f -> new FeatureSpec(f.name(), FeatureType.CATEGORY, null, null, List.of(), null)),
                "/artifact/features/2/categories", "at least one category");
    }

    @Test
    void duplicateCategoryIsAProblem() {
        assertProblem(withFeature(2, f -> new FeatureSpec(f.name(), FeatureType.CATEGORY, null, null,
                List.of("draft", "review", "draft"), null)), "/artifact/features/2/categories/2", "duplicate category \"draft\"");
    }

    // ---------------------------------------------------------------- agents

    @Test
    void workflowWithoutAgentsIsAProblem() {
        assertProblem(base().withAgents(List.of()), "/agents", "at least one agent");
    }

    @Test
    void agentWithoutIdIsAProblem() {
        assertProblem(withAgent(1, a -> a.withId("")), "/agents/1/id", "needs an id");
    }

    @Test
    void duplicateAgentIdIsAProblem() {
        assertProblem(withAgent(2, a -> a.withId("verifier")), "/agents/2/id", "duplicate agent id \"verifier\" (also /agents/1)");
    }

    @Test
    void agentIdStopIsReserved() {
        assertProblem(withAgent(0, a -> a.withId("STOP")), "/agents/0/id", "reserved");
    }

    @Test
    void agentWithoutOptionsIsAProblem() {
        assertProblem(withAgent(1, a -> a.withOptions(List.of())), "/agents/1/options", "at least one option");
    }

    @Test
    void optionWithoutIdIsAProblem() {
        assertProblem(withAgent(0, a -> a.withOptions(List.of(new OptionSpec("a", null, null), new OptionSpec(null, "B", null)))),
                "/agents/0/options/1/id", "needs an id");
    }

    @Test
    void duplicateOptionIdIsAProblem() {
        assertProblem(withAgent(0, a -> a.withOptions(List.of(new OptionSpec("a", null, null), new OptionSpec("a", "B", null)))),
                "/agents/0/options/1/id", "duplicate option id \"a\" (also /agents/0/options/0)");
    }

    @Test
    void privateStateNeedsAtLeastOneValue() {
        assertProblem(withAgent(0, a -> a.withPrivateState(new PrivateStateSpec("queue", 0, null))),
                "/agents/0/privateState/values", "at least 1 value");
    }

    // ---------------------------------------------------------------- observation terms

    @Test
    void termNamingAnUnknownFeatureSuggestsTheClosest() {
        assertProblem(withTerm(0, 1, ObservationTerm.binned("qualty", 4)),
                "/agents/0/observation/terms/1/feature", "unknown feature \"qualty\"; did you mean \"quality\"?");
    }

    @Test
    void termWithoutFeatureIsAProblem() {
        assertProblem(withTerm(0, 0, ObservationTerm.select(null)), "/agents/0/observation/terms/0/feature", "needs the name");
    }

    @Test
    void termBinsMustBePositive() {
        assertProblem(withTerm(0, 1, ObservationTerm.binned("quality", 0)), "/agents/0/observation/terms/1/bins", "at least 1");
    }

    @Test
    void termModuloMustBePositive() {
        assertProblem(withTerm(2, 0, new ObservationTerm("progress", null, null, 0, null)),
                "/agents/2/observation/terms/0/modulo", "at least 1");
    }

    @Test
    void termClampMinAboveClampMaxIsAProblem() {
        assertProblem(withTerm(1, 0, new ObservationTerm("quality", 0.9, 0.1, null, 5)),
                "/agents/1/observation/terms/0/clampMin", "clampMin 0.9 is greater than clampMax 0.1");
    }

    @Test
    void clampOutsideTheFeatureRangeIsAProblem() {
        assertProblem(withTerm(0, 0, new ObservationTerm("progress", 20.0, 30.0, null, null)),
                "/agents/0/observation/terms/0/clampMin", "leaves no value");
    }

    @Test
    void realFeatureObservedWithoutBinsIsAProblem() {
        assertProblem(withTerm(0, 1, ObservationTerm.select("quality")),
                "/agents/0/observation/terms/1/bins", "real feature \"quality\" needs bins");
    }

    @Test
    void observationWithMoreViewsThanAnIntIsAProblem() {
        assertProblem(withAgent(0, a -> a.withObservation(new InterfaceSpec(List.of(ObservationTerm.binned("quality", 100_000),
                ObservationTerm.binned("difficulty", 100_000)), null))), "/agents/0/observation", "more than");
    }

    // ---------------------------------------------------------------- handoffs

    @Test
    void handoffToAnUnknownAgentSuggestsTheClosest() {
        assertProblem(withHandoff(0, new HandoffSpec("writer", "verifer")),
                "/handoffs/0/to", "unknown agent \"verifer\"; did you mean \"verifier\"?");
    }

    @Test
    void handoffFromAnUnknownAgentIsAProblem() {
        assertProblem(withHandoff(5, new HandoffSpec("edtor", "STOP")), "/handoffs/5/from", "unknown agent \"edtor\"; did you mean \"editor\"?");
    }

    @Test
    void handoffFromStopIsAProblem() {
        assertProblem(withHandoff(5, new HandoffSpec("STOP", "writer")), "/handoffs/5/from", "nothing leaves STOP");
    }

    @Test
    void handoffWithoutTargetIsAProblem() {
        assertProblem(withHandoff(0, new HandoffSpec("writer", null)), "/handoffs/0/to", "needs the agent");
    }

    @Test
    void duplicateHandoffIsAProblem() {
        assertProblem(withHandoff(5, new HandoffSpec("verifier", "STOP", "again")),
                "/handoffs/5", "duplicate handoff verifier → STOP (also /handoffs/3)");
    }

    @Test
    void agentWithoutOutgoingHandoffIsAProblem() {
        Workflow w = base();
        assertProblem(w.withHandoffs(w.handoffs().subList(0, 4)), "/agents/2", "agent \"editor\" has no outgoing handoff");
    }

    @Test
    void agentThatCannotReachStopIsAProblem() {
        Workflow w = withHandoff(3, new HandoffSpec("verifier", "editor"));
        assertProblem(w, "/agents/0", "no chain of handoffs from agent \"writer\" reaches STOP");
        assertProblem(w, "/agents/1", "from agent \"verifier\"");
    }

    @Test
    void aSelfLoopIsLegalButWarnedAbout() {
        Workflow w = withHandoff(5, new HandoffSpec("verifier", "verifier"));
        assertThat(GENERIC.validate(w)).isEmpty();
        assertThat(GENERIC.warnings(w)).extracting(Problem::toString).containsExactly("/handoffs/5: agent \"verifier\" "
                + "hands the artifact to itself: no scalar crosses an interface here, it learns from its own Q-values (a "
                + "retry); remove the handoff if it is not meant");
        assertThat(GENERIC.warnings(base())).isEmpty();
    }

    // ---------------------------------------------------------------- environment

    @Test
    void missingEnvironmentIsAProblem() {
        assertProblem(base().withEnvironment(null), "/environment", "missing environment");
    }

    @Test
    void environmentWithoutKindIsAProblem() {
        assertProblem(base().withEnvironment(new EnvironmentSpec(" ", null)), "/environment/kind", "needs a kind");
    }

    @Test
    void unknownEnvironmentKindListsTheKnownOnes() {
        WorkflowValidator v = new WorkflowValidator(List.of(new StepsKind("synthetic"), new StepsKind("routing")));
        Workflow w = base().withEnvironment(new EnvironmentSpec("synthetc", null));
        assertProblem(v.validate(w), "/environment/kind",
                "unknown environment kind \"synthetc\"; did you mean \"synthetic\"? (known: synthetic, routing)");
    }

    @Test
    void environmentKindProblemsAreAdded() {
        WorkflowValidator v = new WorkflowValidator(List.of(new StepsKind("synthetic")));
        assertThat(v.validate(base())).isEmpty();
        assertProblem(v.validate(base().withEnvironment(base().environment().with("steps", 0))),
                "/environment/parameters/steps", "steps must be at least 1");
    }

    @Test
    void lookupFunctionFindsTheKind() {
        StepsKind kind = new StepsKind("synthetic");
        WorkflowValidator v = new WorkflowValidator(id -> id.equals("synthetic") ? Optional.of(kind) : Optional.empty(),
                () -> List.of("synthetic"));
        assertProblem(v.validate(base().withEnvironment(base().environment().with("steps", -2))),
                "/environment/parameters/steps", "at least 1");
        assertProblem(v.validate(base().withEnvironment(new EnvironmentSpec("other", null))),
                "/environment/kind", "(known: synthetic)");
    }

    @Test
    void lookupWithoutKnownIdsStillReportsAnUnknownKind() {
        WorkflowValidator v = new WorkflowValidator(id -> Optional.empty());
        List<Problem> ps = v.validate(base());
        assertThat(ps).containsExactly(new Problem("/environment/kind", "unknown environment kind \"synthetic\""));
    }

    @Test
    void aKindThatFailsWhileValidatingIsReportedNotThrown() {
        WorkflowValidator v = new WorkflowValidator(List.of(new StepsKind("synthetic")));
        // StepsKind reads parameters.get("steps") as a Number: a string makes it throw ClassCastException
        assertProblem(v.validate(base().withEnvironment(base().environment().with("steps", "ten"))),
                "/environment", "could not check this workflow");
    }

    // ---------------------------------------------------------------- training

    @Test
    void missingTrainingIsAProblem() {
        assertProblem(base().withTraining(null), "/training", "missing training");
    }

    @Test
    void gammaMustBeInZeroOne() {
        assertProblem(withTraining(t -> t.withGamma(0)), "/training/gamma", "(0, 1], is 0");
        assertProblem(withTraining(t -> t.withGamma(1.5)), "/training/gamma", "(0, 1], is 1.5");
        assertProblem(withTraining(t -> t.withGamma(Double.NaN)), "/training/gamma", "(0, 1]");
    }

    @Test
    void handoffBudgetMustBePositive() {
        assertProblem(withTraining(t -> t.withHandoffs(0)), "/training/handoffs", "positive");
    }

    @Test
    void evaluationWindowMustBePositive() {
        assertProblem(withTraining(t -> new TrainingSettings(t.algorithm(), t.gamma(), t.stepSize(), t.epsilon(), t.handoffs(),
                t.seeds(), 0)), "/training/evaluationWindow", "at least 1");
    }

    @Test
    void epsilonScheduleIsChecked() {
        assertProblem(withTraining(t -> t.withEpsilon(null)), "/training/epsilon", "missing exploration");
        assertProblem(withTraining(t -> t.withEpsilon(new EpsilonSpec(1.2, 0.1, 10))), "/training/epsilon/start", "[0, 1]");
        assertProblem(withTraining(t -> t.withEpsilon(new EpsilonSpec(0.5, -0.1, 10))), "/training/epsilon/end", "[0, 1]");
        assertProblem(withTraining(t -> t.withEpsilon(new EpsilonSpec(0.5, 0.1, -1))), "/training/epsilon/decayHandoffs", "0 or more");
    }

    @Test
    void stepSizeKindMustBeKnown() {
        assertProblem(withTraining(t -> t.withStepSize(null)), "/training/stepSize", "missing step-size");
        assertProblem(withTraining(t -> t.withStepSize(new StepSizeSpec("harmonik", null, 1.0, 0.0, null))),
                "/training/stepSize/kind", "unknown step-size kind \"harmonik\"; did you mean \"harmonic\"?");
    }

    @Test
    void constantStepSizeNeedsAlphaInZeroOne() {
        assertProblem(withTraining(t -> t.withStepSize(new StepSizeSpec("constant", null, null, null, null))),
                "/training/stepSize/alpha", "needs alpha");
        assertProblem(withTraining(t -> t.withStepSize(StepSizeSpec.constant(0))), "/training/stepSize/alpha", "(0, 1]");
        assertProblem(withTraining(t -> t.withStepSize(StepSizeSpec.constant(1.1))), "/training/stepSize/alpha", "(0, 1]");
    }

    @Test
    void harmonicStepSizeNeedsPositiveHAndNonNegativeN0() {
        assertProblem(withTraining(t -> t.withStepSize(StepSizeSpec.harmonic(0, 1))), "/training/stepSize/h", "positive");
        assertProblem(withTraining(t -> t.withStepSize(StepSizeSpec.harmonic(1, -1))), "/training/stepSize/n0", "0 or more");
        assertProblem(withTraining(t -> t.withStepSize(new StepSizeSpec("harmonic", null, null, 1.0, null))),
                "/training/stepSize/h", "needs h");
        assertProblem(withTraining(t -> t.withStepSize(new StepSizeSpec("harmonic", null, 1.0, null, null))),
                "/training/stepSize/n0", "needs n0");
    }

    @Test
    void polynomialStepSizeNeedsOmegaAboveOneHalf() {
        assertProblem(withTraining(t -> t.withStepSize(StepSizeSpec.polynomial(0.5))), "/training/stepSize/omega", "(0.5, 1]");
        assertProblem(withTraining(t -> t.withStepSize(StepSizeSpec.polynomial(1.01))), "/training/stepSize/omega", "(0.5, 1]");
        assertProblem(withTraining(t -> t.withStepSize(new StepSizeSpec("polynomial", null, null, null, null))),
                "/training/stepSize/omega", "needs omega");
        assertThat(problems(withTraining(t -> t.withStepSize(StepSizeSpec.polynomial(0.51))))).isEmpty();
    }

    @Test
    void seedsMustBeNonEmptyAndDistinct() {
        assertProblem(withTraining(t -> t.withSeeds(List.of())), "/training/seeds", "at least one seed");
        assertProblem(withTraining(t -> t.withSeeds(List.of(4L, 4L))), "/training/seeds/1", "duplicate seed 4");
    }

    // ---------------------------------------------------------------- layout

    @Test
    void layoutPositionOfAnUnknownNodeIsAProblem() {
        Workflow w = base();
        assertProblem(w.withLayout(w.layout().with("writr", new Layout.Point(1, 2))),
                "/layout/positions/writr", "unknown node \"writr\"; did you mean \"writer\"?");
        assertProblem(w.withLayout(w.layout().with("a/b", new Layout.Point(1, 2))), "/layout/positions/a~1b", "unknown node");
    }

    @Test
    void layoutPositionMustBeFinite() {
        Workflow w = base();
        assertProblem(w.withLayout(w.layout().with("writer", new Layout.Point(Double.NaN, 2))),
                "/layout/positions/writer", "finite");
    }

    /**
     * A validation-only environment kind for these tests: its rule is that parameter {@code steps} is at least 1.
     * The validator never simulates, so {@link #create} is not part of what is tested here.
     */
    private record StepsKind(String id) implements EnvironmentRules {
        @Override
        public List<Problem> validate(Workflow workflow) {
            Object steps = workflow.environment().parameters().get("steps");
            int n = ((Number) steps).intValue();
            return n >= 1 ? List.of() : List.of(new Problem("/environment/parameters/steps", "steps must be at least 1, is " + n));
        }
    }
}
