package dev.handoff.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.handoff.env.EnvironmentKind;
import dev.handoff.env.FiniteModelKind;
import dev.handoff.env.HandoffEnvironment;
import dev.handoff.env.StepOutcome;
import dev.handoff.exact.FiniteSmdp;
import dev.handoff.exact.OracleSolver;
import dev.handoff.exact.PolicyEvaluation;
import dev.handoff.util.Rng;
import dev.handoff.workflow.Workflow;

import java.util.List;

/**
 * Runs exported policies greedily on a workflow, with no training code path: episodes simulated with the bundle's
 * actions, and, for kinds with a finite model, the exact return J of the bundle's decentralised policy beside J*.
 */
public final class BundleEvaluation {
    private BundleEvaluation() {
    }

    /** The outcome printed by {@code handoff evaluate}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"meanReturn", "ci95", "episodes", "seed", "exactReturn", "oracleReturn", "algorithm", "bundleSeed"})
    public record Result(double meanReturn, double ci95, long episodes, long seed, Double exactReturn, Double oracleReturn,
                         String algorithm, long bundleSeed) {
    }

    public static Result evaluate(PolicyBundle bundle, Workflow w, EnvironmentKind kind, long episodes, long seed)
            throws BundleException {
        HandoffEnvironment env = kind.create(w);
        List<String> diffs = bundle.differencesFrom(w, env);
        if (!diffs.isEmpty()) {
            throw new BundleException("the bundle does not fit this workflow", diffs);
        }
        env.reset(new Rng(seed));
        StepOutcome out = new StepOutcome();
        double sum = 0;
        double sumSq = 0;
        long done = 0;
        long guard = Math.max(1, episodes) * 100_000L;
        while (done < episodes && guard-- > 0) {
            int i = env.nextDecision();
            env.step(bundle.agent(i).actOnView(env.viewKey()), out);
            if (out.episodeEnded) {
                sum += out.episodeReturn;
                sumSq += out.episodeReturn * out.episodeReturn;
                done++;
            }
        }
        double mean = done == 0 ? Double.NaN : sum / done;
        double sd = done > 1 ? Math.sqrt(Math.max(0, (sumSq - done * mean * mean) / (done - 1))) : 0;
        Exact exact = exact(bundle, w, kind);
        return new Result(mean, done > 1 ? 1.96 * sd / Math.sqrt(done) : Double.NaN, done, seed,
                exact == null ? null : exact.j(), exact == null ? null : exact.jStar(),
                bundle.manifest().algorithm(), bundle.manifest().seed());
    }

    /** The exact return J of a bundle's decentralised policy and the centralised optimum J*, from a finite model. */
    public record Exact(double j, double jStar) {
    }

    /**
     * J and J* for kinds with a finite model (ICQ.md: the view policy evaluated on the exact SMDP), null for the others
     * and for models that would not fit the heap.
     * The bundle must fit the workflow.
     */
    public static Exact exact(PolicyBundle bundle, Workflow w, EnvironmentKind kind) {
        if (!(kind instanceof FiniteModelKind finite) || !finite.exactModelSize(w).fitsHeap()) {
            return null; // no model, or one too large for the heap: the simulated return stands alone
        }
        FiniteSmdp model = finite.exactModel(w);
        int[] actionOfView = new int[model.viewCount()];
        for (int a = 0; a < w.agents().size(); a++) {
            for (int z = 0; z < model.viewCountOfAgent()[a]; z++) {
                actionOfView[model.viewOffset()[a] + z] = bundle.agent(a).actOnView(z);
            }
        }
        return new Exact(PolicyEvaluation.ofViewPolicy(model, actionOfView).jValue(),
                OracleSolver.returnOf(model, OracleSolver.solve(model).v()));
    }
}
