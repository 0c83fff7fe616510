package dev.handoff.policy;

import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.StepOutcome;
import dev.handoff.util.Rng;
import dev.handoff.workflow.AgentSpec;
import dev.handoff.workflow.HandoffSpec;
import dev.handoff.workflow.Workflow;

import java.util.List;

/**
 * Plays exported policies on a workflow one handoff at a time, greedily and with no training code path: the holder
 * acts on its interface view with its bundle policy, and on a handoff the receiver's greedy value max_a Q_j(z', a) is
 * the one scalar sent back (on STOP, the terminal reward). Same seed, same episodes as {@link BundleEvaluation#evaluate}.
 */
public final class BundlePlayer {
    /** Handoffs one episode may take before {@link #runEpisode()} gives up (as {@link BundleEvaluation}'s guard). */
    public static final long EPISODE_GUARD = 100_000;

    /**
     * One handoff as played: who held the artifact, what it chose, where the artifact went ({@code receiver} −1 on
     * STOP), the option reward R and duration τ, the scalar m sent back, and whether the episode ended (its return).
     */
    public record Step(long handoff, int holder, String holderId, int action, String actionLabel, int receiver,
                       String receiverId, double reward, int tau, double scalar, boolean episodeEnded, double episodeReturn) {
        public boolean stopped() {
            return receiver == HandoffEnvironment.STOP;
        }
    }

    private final PolicyBundle bundle;
    private final HandoffEnvironment env;
    private final List<String> ids;
    private final StepOutcome out = new StepOutcome();
    private long seed;
    private int holder;
    private long handoffs;
    private long episodes;
    private double sum;
    private double sumSq;

    private BundlePlayer(PolicyBundle bundle, Workflow w, HandoffEnvironment env, long seed) {
        this.bundle = bundle;
        this.env = env;
        this.ids = w.agents().stream().map(AgentSpec::id).toList();
        reset(seed);
    }

    /**
     * A player of {@code bundle} on {@code w}, started from {@code seed}; throws with every difference listed when the
     * bundle does not fit the workflow (same agents, interface observations, private state, artifact and actions).
     */
    public static BundlePlayer create(PolicyBundle bundle, Workflow w, EnvironmentKind kind, long seed) throws BundleException {
        HandoffEnvironment env = kind.create(w);
        List<String> diffs = bundle.differencesFrom(w, env);
        if (!diffs.isEmpty()) {
            throw new BundleException("the bundle does not fit this workflow", diffs);
        }
        return new BundlePlayer(bundle, w, env, seed);
    }

    /** Starts again from {@code seed}: a fresh simulation and zero running totals. */
    public void reset(long seed) {
        this.seed = seed;
        env.reset(new Rng(seed));
        handoffs = 0;
        episodes = 0;
        sum = 0;
        sumSq = 0;
        holder = env.nextDecision();
    }

    /** Plays one handoff with the holder's greedy action. */
    public Step step() {
        int i = holder;
        int action = bundle.agent(i).actOnView(env.viewKey());
        env.step(action, out);
        handoffs++;
        double scalar;
        if (out.stopped()) {
            scalar = out.terminalReward;
        } else {
            AgentPolicy receiver = bundle.agent(out.receiver);
            int z = env.receiverViewKey();
            scalar = receiver.q(z, receiver.actOnView(z));
        }
        if (out.episodeEnded) {
            episodes++;
            sum += out.episodeReturn;
            sumSq += out.episodeReturn * out.episodeReturn;
        }
        Step s = new Step(handoffs, i, ids.get(i), action, bundle.agent(i).actionLabel(action), out.receiver,
                out.stopped() ? HandoffSpec.STOP : ids.get(out.receiver), out.reward, out.tau, scalar, out.episodeEnded,
                out.episodeEnded ? out.episodeReturn : Double.NaN);
        holder = env.nextDecision();
        return s;
    }

    /**
     * Plays handoffs until an episode ends (at most {@link #EPISODE_GUARD}) and returns them in order; the last one
     * ended the episode unless the guard stopped it.
     */
    public List<Step> runEpisode() {
        List<Step> steps = new java.util.ArrayList<>();
        for (long k = 0; k < EPISODE_GUARD; k++) {
            Step s = step();
            steps.add(s);
            if (s.episodeEnded()) {
                break;
            }
        }
        return steps;
    }

    /** The agent that holds the artifact now and decides next. */
    public int holder() {
        return holder;
    }

    /** The holder's interface key now: what it sees of the artifact before it acts. */
    public int holderView() {
        return env.viewKey();
    }

    /** A readable form of the holder's view, e.g. {@code progress=2, busy=0}. */
    public String describeHolderView() {
        return bundle.agent(holder).interfaceMap().describe(env.viewKey());
    }

    /** The action the holder's policy takes next, as labelled in the bundle. */
    public String nextActionLabel() {
        AgentPolicy p = bundle.agent(holder);
        return p.actionLabel(p.actOnView(env.viewKey()));
    }

    public long seed() {
        return seed;
    }

    /** Handoffs played since the last reset. */
    public long handoffs() {
        return handoffs;
    }

    /** Episodes finished since the last reset. */
    public long episodes() {
        return episodes;
    }

    /** Mean return of the finished episodes; NaN before the first. */
    public double meanReturn() {
        return episodes == 0 ? Double.NaN : sum / episodes;
    }

    /** Half-width of the 95% confidence interval of {@link #meanReturn()} (normal approximation); NaN under two episodes. */
    public double ci95() {
        if (episodes < 2) {
            return Double.NaN;
        }
        double mean = sum / episodes;
        double sd = Math.sqrt(Math.max(0, (sumSq - episodes * mean * mean) / (episodes - 1)));
        return 1.96 * sd / Math.sqrt(episodes);
    }

    public PolicyBundle bundle() {
        return bundle;
    }
}
