package dev.handoff.env.llm;

import dev.handoff.env.StepOutcome;
import dev.handoff.util.Rng;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

class LlmMathHotPathTest {
    @Test
    void replayDecisionsAndStepsAllocateNothing() {
        LlmMathEnvironment env = new LlmMathKind().createLlmMath(LlmMathSamples.sampleGpt3Ladder());
        JointKeys joint = new JointKeys(env);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        StepOutcome out = new StepOutcome();
        Rng rng = new Rng(1);
        env.reset(rng);
        float[] enc = new float[256];
        run(env, joint, out, rng, enc, 20_000); // warm-up (JIT, lazy class loading)
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        long sum = run(env, joint, out, rng, enc, 100_000);
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(sum).isPositive();
        assertThat(allocated).isLessThan(1024);
    }

    private static long run(LlmMathEnvironment env, JointKeys joint, StepOutcome out, Rng rng, float[] enc, int steps) {
        long sum = 0;
        for (int t = 0; t < steps; t++) {
            int agent = env.nextDecision();
            sum += env.viewKey() + joint.access.jointStateKey();
            env.encodeView(enc);
            env.step(rng.nextInt(env.actionCount(agent)), out);
            if (!out.stopped()) {
                sum += env.receiverViewKey() + joint.access.receiverJointStateKey();
            }
        }
        return sum;
    }

    private record JointKeys(dev.handoff.env.JointStateAccess access) {
        JointKeys(LlmMathEnvironment env) {
            this(env.jointStateAccess());
        }
    }
}
