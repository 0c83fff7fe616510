package dev.handoff.env.routing;

/** A forwarding rule run inside the {@link PacketNetwork}: picks the action (link) for the packet being decided. */
public interface RoutingPolicy {
    /** The action of {@link PacketNetwork#currentRouter()} for its current packet. */
    int choose(PacketNetwork network);
}
