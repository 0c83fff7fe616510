package dev.handoff.env;

import dev.handoff.env.cpu.CpuProgrammingKind;
import dev.handoff.env.routing.RoutingKind;
import dev.handoff.env.synthetic.SyntheticKind;

import java.util.List;
import java.util.Optional;

/** The environment kinds this build knows, by their {@code environment.kind} id. */
public final class EnvironmentKinds {
    private static final List<EnvironmentKind> ALL = List.of(new SyntheticKind(), new RoutingKind(), new CpuProgrammingKind());

    private EnvironmentKinds() {
    }

    public static List<EnvironmentKind> all() {
        return ALL;
    }

    public static Optional<EnvironmentKind> lookup(String id) {
        return ALL.stream().filter(k -> k.id().equals(id)).findFirst();
    }
}
