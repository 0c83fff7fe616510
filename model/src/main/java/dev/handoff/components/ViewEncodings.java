package dev.handoff.components;

import dev.handoff.exact.FiniteSmdp;
import dev.handoff.observe.InterfaceMap;
import dev.handoff.workflow.Workflow;

/**
 * The neural encoding ψ(z) of every view of a finite model, indexed by global view (agent's view offset + its
 * interface key): the same one-hot blocks {@link InterfaceMap#encode} writes during simulation, rebuilt from the key,
 * so that networks can be evaluated on all views at once (exact evaluation, error components).
 */
public final class ViewEncodings {
    private final float[][] byView;
    private final int[] sizeOfAgent;

    private ViewEncodings(float[][] byView, int[] sizeOfAgent) {
        this.byView = byView;
        this.sizeOfAgent = sizeOfAgent;
    }

    /** Encodings of all views of {@code model}, whose agents are {@code workflow}'s agents in document order. */
    public static ViewEncodings of(Workflow workflow, FiniteSmdp model) {
        int n = model.agentCount();
        if (workflow.agents().size() != n) {
            throw new IllegalArgumentException("workflow has " + workflow.agents().size() + " agents, model " + n);
        }
        float[][] byView = new float[model.viewCount()][];
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            InterfaceMap map = InterfaceMap.compile(workflow.artifact(), workflow.agents().get(i));
            if (map.viewCount() != model.viewCountOfAgent()[i]) {
                throw new IllegalArgumentException("agent " + i + ": interface has " + map.viewCount()
                        + " views, the model " + model.viewCountOfAgent()[i]);
            }
            size[i] = map.encodingSize();
            for (int key = 0; key < map.viewCount(); key++) {
                byView[model.viewOffset()[i] + key] = encode(map, key);
            }
        }
        return new ViewEncodings(byView, size);
    }

    /** The one-hot encoding of one interface key, laid out as {@link InterfaceMap#encode} lays it out. */
    public static float[] encode(InterfaceMap map, int key) {
        int[] parts = map.decode(key);
        float[] out = new float[map.encodingSize()];
        int offset = 0;
        for (int t = 0; t < map.termCount(); t++) {
            out[offset + parts[t]] = 1f;
            offset += map.termCardinality(t);
        }
        if (map.includesPrivateState()) {
            out[offset + parts[map.termCount()]] = 1f;
        }
        return out;
    }

    /** ψ(z) of global view z (shared array: do not modify). */
    public float[] of(int globalView) {
        return byView[globalView];
    }

    public int viewCount() {
        return byView.length;
    }

    /** Length of agent i's encoding. */
    public int encodingSize(int agent) {
        return sizeOfAgent[agent];
    }
}
