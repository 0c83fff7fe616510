package dev.handoff.components;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.EnvironmentKinds;
import dev.handoff.env.FiniteModelKind;
import dev.handoff.exact.ExactAnalysis;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.learn.AgentLearner;
import dev.handoff.learn.StepSizeSchedule;
import dev.handoff.learn.TabularQLearner;
import dev.handoff.learn.neural.ReferenceTdLearner;
import dev.handoff.learn.neural.TwoLayerReluNetwork;
import dev.handoff.util.Rng;
import dev.handoff.workflow.Workflow;

/**
 * Measures the three error components of ICQ.md §4 for one workflow with an exact model, under the uniform behaviour
 * policy (ε = 1) and its occupancy μ: the entry point of {@code handoff sweep} and of the live component probe.
 * Width 0 means the tabular learner (Q_θ∞ = Q̂, no neural term); width m &gt; 0 the reference two-layer network.
 */
public final class ComponentAnalysis {
    /** Width 0: measure the tabular IC-Q learner. */
    public static final int TABULAR = 0;

    private final Workflow workflow;
    private final FiniteSmdp model;
    private final ExactAnalysis exact;
    private final ViewEncodings encodings;
    private final ModelSampler sampler;
    private final StepSizeSchedule.Harmonic steps;
    private final ComponentSettings settings;

    private ComponentAnalysis(Workflow workflow, FiniteSmdp model, ComponentSettings settings) {
        this.workflow = workflow;
        this.model = model;
        this.exact = ExactAnalysis.of(model, ExactAnalysis.uniformBehaviour(model));
        this.encodings = ViewEncodings.of(workflow, model);
        this.sampler = new ModelSampler(model, exact.occupancy().state(), exact.behaviour());
        StepSizeSchedule s = StepSizeSchedule.of(workflow.training().stepSize());
        this.steps = s instanceof StepSizeSchedule.Harmonic h ? h : new StepSizeSchedule.Harmonic(10, 100);
        this.settings = settings;
    }

    /** The analysis of a workflow whose environment kind has a finite model. */
    public static ComponentAnalysis of(Workflow workflow) {
        return of(workflow, ComponentSettings.DEFAULTS);
    }

    public static ComponentAnalysis of(Workflow workflow, ComponentSettings settings) {
        String id = workflow.environment().kind();
        EnvironmentKind kind = EnvironmentKinds.lookup(id)
                .orElseThrow(() -> new IllegalArgumentException("unknown environment kind \"" + id + "\""));
        if (!(kind instanceof FiniteModelKind finite)) {
            throw new IllegalArgumentException("the " + id + " kind has no exact model: its error components cannot be measured");
        }
        finite.exactModelSize(workflow).requireAnalysable(); // refused before building, with the size it would need
        return new ComponentAnalysis(workflow, finite.exactModel(workflow), settings);
    }

    /** One-call measurement for (workflow, width, T, seed); width 0 = tabular. */
    public static ErrorComponents measure(Workflow workflow, int width, long handoffs, long seed) {
        return of(workflow).measure(width, handoffs, seed);
    }

    /** Q_θ∞ and the supervised fit of the reference class of width m (networks initialised from {@code seed}). */
    public NeuralFixedPoint neuralFixedPoint(int width, long seed) {
        return NeuralFixedPoint.of(exact, encodings, ReferenceNetworks.build(model, encodings, width, settings.radius(), seed));
    }

    /** All components: the learner runs T handoffs along one Markov trajectory and, separately, on T i.i.d. samples. */
    public ErrorComponents measure(int width, long handoffs, long seed) {
        double[][] qHat = exact.interfaceFixedPoint().q();
        double[][] reference = qHat;
        double neural = 0;
        double supervised = 0;
        if (width != TABULAR) {
            NeuralFixedPoint fp = neuralFixedPoint(width, seed);
            reference = fp.tdFixedPoint();
            neural = MuNorm.betweenViews(exact, reference, qHat);
            supervised = MuNorm.betweenViews(exact, fp.supervisedFit(), qHat);
        }
        Rng master = new Rng(seed);
        double[][] markov = MixingRun.train(model, learners(width, seed), sampler, MixingRun.Sampling.MARKOV, handoffs,
                master.split());
        double[][] iid = MixingRun.train(model, learners(width, seed), sampler, MixingRun.Sampling.IID, handoffs,
                master.split());
        double mixing = MuNorm.betweenViews(exact, markov, reference);
        double mixingIid = MuNorm.betweenViews(exact, iid, reference);
        double total = MuNorm.toOracle(exact, markov);
        double gap = exact.report().interfaceGapQ();
        return new ErrorComponents(neural, supervised, gap, exact.report().policyLoss(), mixing, mixingIid, total,
                ErrorComponents.closes(total, mixing, neural, gap));
    }

    /**
     * A probe to read the components of a running learner (tabular if width is 0, else a network whose reference class
     * is the two-layer network of that width, initialised from {@code seed}).
     */
    public ComponentProbe probe(int width, long seed) {
        if (width == TABULAR) {
            return new ComponentProbe(exact, exact.interfaceFixedPoint().q(), 0, 0);
        }
        NeuralFixedPoint fp = neuralFixedPoint(width, seed);
        double[][] qHat = exact.interfaceFixedPoint().q();
        return new ComponentProbe(exact, fp.tdFixedPoint(), MuNorm.betweenViews(exact, fp.tdFixedPoint(), qHat),
                MuNorm.betweenViews(exact, fp.supervisedFit(), qHat));
    }

    /** Fresh learners for the mixing runs: tabular with the workflow's harmonic steps, or reference networks. */
    AgentLearner[] learners(int width, long seed) {
        int n = model.agentCount();
        AgentLearner[] ls = new AgentLearner[n];
        if (width == TABULAR) {
            for (int i = 0; i < n; i++) {
                ls[i] = new TabularQLearner(model.viewCountOfAgent()[i], model.actionCountOfAgent()[i],
                        workflow.training().gamma(), steps);
            }
            return ls;
        }
        TwoLayerReluNetwork[] nets = ReferenceNetworks.build(model, encodings, width, settings.radius(), seed);
        for (int i = 0; i < n; i++) {
            double pairs = model.viewCountOfAgent()[i] * (double) model.actionCountOfAgent()[i];
            StepSizeSchedule s = new StepSizeSchedule.Harmonic(steps.h() * pairs / settings.neuralStepGain(),
                    steps.n0() * pairs);
            ls[i] = new ReferenceTdLearner(nets[i], ReferenceNetworks.agentEncodings(model, encodings, i),
                    workflow.training().gamma(), s);
        }
        return ls;
    }

    public ExactAnalysis exact() {
        return exact;
    }

    public FiniteSmdp model() {
        return model;
    }

    public ViewEncodings encodings() {
        return encodings;
    }

    public ModelSampler sampler() {
        return sampler;
    }
}
