package dev.handoff.exact;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the exact solver knows about one finite IC-SMDP under one stochastic decentralised behaviour policy
 * b[view][a] (ICQ.md §4–5): the oracle Q*, the occupancy μ, the mixing time, the interface fixed point Q̂, the AIS
 * constants, the interface gap and the policy loss, summarised by {@link #report()}.
 */
public final class ExactAnalysis {
    private static final Logger LOG = LoggerFactory.getLogger(ExactAnalysis.class);

    private final FiniteSmdp smdp;
    private final double[][] behaviour;
    private final QSolution oracle;
    private final Occupancy occupancy;
    private final MixingTime mixingTime;
    private final InterfaceModel interfaceModel;
    private final QSolution interfaceFixedPoint;
    private final AisConstants aisConstants;
    private final int[] greedyInterfacePolicy;
    private final PolicyValue greedyInterfaceValue;
    private final ExactReport report;

    private ExactAnalysis(FiniteSmdp smdp, double[][] behaviour) {
        long start = System.nanoTime();
        ModelChecks.requireWellFormed(smdp);
        this.smdp = smdp;
        this.behaviour = behaviour;
        this.oracle = OracleSolver.solve(smdp);
        BehaviourChain chain = BehaviourChain.of(smdp, behaviour);
        this.occupancy = Occupancy.of(smdp, chain);
        this.mixingTime = MixingTime.of(chain, occupancy.state());
        this.interfaceModel = InterfaceModel.of(smdp, occupancy.stateGivenView());
        this.interfaceFixedPoint = interfaceModel.interfaceFixedPoint();
        this.aisConstants = AisConstants.of(interfaceModel, interfaceFixedPoint);
        this.greedyInterfacePolicy = PolicyEvaluation.greedy(interfaceFixedPoint.q());
        this.greedyInterfaceValue = PolicyEvaluation.ofViewPolicy(smdp, greedyInterfacePolicy);
        this.report = buildReport();
        LOG.debug("exact analysis of {} states / {} views in {} ms", smdp.stateCount(), smdp.viewCount(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Runs the whole analysis; {@code behaviour[z][a]} is b(a|z) for every global view z. */
    public static ExactAnalysis of(FiniteSmdp smdp, double[][] behaviour) {
        return new ExactAnalysis(smdp, behaviour);
    }

    /** The uniform behaviour policy b(a|z) = 1/|A(z)| (ε = 1), the reference policy of ICQ.md §5. */
    public static double[][] uniformBehaviour(FiniteSmdp smdp) {
        double[][] b = new double[smdp.viewCount()][];
        for (int z = 0; z < b.length; z++) {
            int actions = smdp.actionCountOfAgent()[smdp.agentOfView(z)];
            b[z] = new double[actions];
            java.util.Arrays.fill(b[z], 1.0 / actions);
        }
        return b;
    }

    private ExactReport buildReport() {
        int viewActions = 0;
        for (double[] row : interfaceFixedPoint.q()) {
            viewActions += row.length;
        }
        boolean[] hasState = new boolean[smdp.viewCount()];
        for (int z : smdp.viewOf()) {
            hasState[z] = true;
        }
        int unvisited = 0;
        for (int z = 0; z < hasState.length; z++) {
            if (hasState[z] && !(occupancy.view()[z] > 0)) {
                unvisited++;
            }
        }
        double vStar = OracleSolver.returnOf(smdp, oracle.v());
        return new ExactReport(smdp.stateCount(), smdp.viewCount(), viewActions, vStar,
                greedyInterfaceValue.jValue(), interfaceGapWeighted(), interfaceGapSup(),
                vStar - greedyInterfaceValue.jValue(), mixingTime.tMix(), mixingTime.relaxationTime(),
                aisConstants.epsR(), aisConstants.deltaK(), aisConstants.rho(), aisConstants.gammaBar(),
                aisConstants.aisBound(), oracle.residual(), oracle.iterations(), interfaceFixedPoint.residual(),
                interfaceFixedPoint.iterations(), occupancy.stationarityResidual(), occupancy.minPositiveViewMass(),
                unvisited);
    }

    /** ‖Q̂∘σ − Q*‖_μ with weights μ(s)·b(a|σ(s)). */
    private double interfaceGapWeighted() {
        double sum = 0;
        for (int s = 0; s < smdp.stateCount(); s++) {
            int z = smdp.viewOf()[s];
            double[] qStar = oracle.q()[s];
            double[] qHat = interfaceFixedPoint.q()[z];
            for (int a = 0; a < qStar.length; a++) {
                double d = qHat[a] - qStar[a];
                sum += occupancy.state()[s] * behaviour[z][a] * d * d;
            }
        }
        return Math.sqrt(sum);
    }

    /** max over all joint states and actions of |Q̂(σ(s),a) − Q*(s,a)|. */
    private double interfaceGapSup() {
        double sup = 0;
        for (int s = 0; s < smdp.stateCount(); s++) {
            double[] qStar = oracle.q()[s];
            double[] qHat = interfaceFixedPoint.q()[smdp.viewOf()[s]];
            for (int a = 0; a < qStar.length; a++) {
                sup = Math.max(sup, Math.abs(qHat[a] - qStar[a]));
            }
        }
        return sup;
    }

    /**
     * The error metric of ICQ.md §5 for a learned view table: sqrt(Σ_{z,a} μ(z) b(a|z) (Q − Q̂)²) / span(Q̂), the span
     * taken over the views that hold a joint state (if that span is 0, the unscaled RMS is returned).
     */
    public double relativeErrorToInterface(double[][] viewTable) {
        double[][] qHat = interfaceFixedPoint.q();
        require(viewTable.length == qHat.length, "view table has " + viewTable.length + " rows, expected "
                + qHat.length);
        boolean[] hasState = new boolean[qHat.length];
        for (int z : smdp.viewOf()) {
            hasState[z] = true;
        }
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int z = 0; z < qHat.length; z++) {
            require(viewTable[z].length == qHat[z].length, "view table row " + z + " has " + viewTable[z].length
                    + " actions, expected " + qHat[z].length);
            for (int a = 0; a < qHat[z].length; a++) {
                double d = viewTable[z][a] - qHat[z][a];
                sum += occupancy.view()[z] * behaviour[z][a] * d * d;
                if (hasState[z]) {
                    max = Math.max(max, qHat[z][a]);
                    min = Math.min(min, qHat[z][a]);
                }
            }
        }
        return scaled(Math.sqrt(sum), max - min);
    }

    /**
     * The same metric on joint states for the centralised oracle learner:
     * sqrt(Σ_{s,a} μ(s) b(a|σ(s)) (Q − Q*)²) / span(Q*).
     */
    public double relativeErrorToOracle(double[][] stateTable) {
        double[][] qStar = oracle.q();
        require(stateTable.length == qStar.length, "state table has " + stateTable.length + " rows, expected "
                + qStar.length);
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int s = 0; s < qStar.length; s++) {
            require(stateTable[s].length == qStar[s].length, "state table row " + s + " has "
                    + stateTable[s].length + " actions, expected " + qStar[s].length);
            int z = smdp.viewOf()[s];
            for (int a = 0; a < qStar[s].length; a++) {
                double d = stateTable[s][a] - qStar[s][a];
                sum += occupancy.state()[s] * behaviour[z][a] * d * d;
                max = Math.max(max, qStar[s][a]);
                min = Math.min(min, qStar[s][a]);
            }
        }
        return scaled(Math.sqrt(sum), max - min);
    }

    private static double scaled(double rms, double span) {
        return span > 0 ? rms / span : rms;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public FiniteSmdp smdp() {
        return smdp;
    }

    public double[][] behaviour() {
        return behaviour;
    }

    /** Q* and V* on joint states. */
    public QSolution oracle() {
        return oracle;
    }

    /** μ on states and views, μ(s|z). */
    public Occupancy occupancy() {
        return occupancy;
    }

    public MixingTime mixingTime() {
        return mixingTime;
    }

    /** (R̂, K̂) on views. */
    public InterfaceModel interfaceModel() {
        return interfaceModel;
    }

    /** Q̂ and V̂ on views. */
    public QSolution interfaceFixedPoint() {
        return interfaceFixedPoint;
    }

    public AisConstants aisConstants() {
        return aisConstants;
    }

    /** greedy(Q̂): one action per global view, ties to the lowest index. */
    public int[] greedyInterfacePolicy() {
        return greedyInterfacePolicy;
    }

    /** V^π and J(π) of the decentralised policy greedy(Q̂)∘σ. */
    public PolicyValue greedyInterfaceValue() {
        return greedyInterfaceValue;
    }

    public ExactReport report() {
        return report;
    }
}
