package dev.handoff.components;

import dev.handoff.exact.FiniteSmdp;
import dev.handoff.learn.neural.TwoLayerReluNetwork;
import dev.handoff.util.Rng;

/**
 * The reference two-layer networks of one run, one per agent, initialised from one seed: the same W₀ serves the
 * linearised class (Q_θ∞, the supervised fit) and the sampled learner (Q_T), so all three live around one point.
 */
public final class ReferenceNetworks {
    private ReferenceNetworks() {
    }

    public static TwoLayerReluNetwork[] build(FiniteSmdp model, ViewEncodings encodings, int width, double radius,
                                              long seed) {
        Rng master = new Rng(seed ^ 0x6E657572616CL);
        TwoLayerReluNetwork[] nets = new TwoLayerReluNetwork[model.agentCount()];
        for (int i = 0; i < nets.length; i++) {
            nets[i] = new TwoLayerReluNetwork(encodings.encodingSize(i), model.actionCountOfAgent()[i], width, radius,
                    master.split());
        }
        return nets;
    }

    /** ψ(z) for agent i's interface keys z = 0..|Z_i|−1. */
    public static float[][] agentEncodings(FiniteSmdp model, ViewEncodings encodings, int agent) {
        float[][] x = new float[model.viewCountOfAgent()[agent]][];
        for (int k = 0; k < x.length; k++) {
            x[k] = encodings.of(model.viewOffset()[agent] + k);
        }
        return x;
    }
}
