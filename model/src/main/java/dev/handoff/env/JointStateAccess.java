package dev.handoff.env;

/**
 * The privileged window on the joint state s = (x, p_1..p_n, c), which no IC-Q agent ever sees. Only the centralised
 * oracle is handed this interface.
 */
public interface JointStateAccess {
    int jointStateCount();

    /** Joint state of the current decision. */
    int jointStateKey();

    /** After a step that handed off: the joint state the receiver decides in. */
    int receiverJointStateKey();
}
