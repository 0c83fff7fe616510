package dev.handoff.env;

import dev.handoff.env.synthetic.SyntheticKind;

import java.util.List;
import java.util.Optional;

/** The environment kinds this build knows, by their {@code environment.kind} id. */
public final class EnvironmentKinds {
    private static final List<EnvironmentKind> ALL = List.of(new SyntheticKind());

    private EnvironmentKinds() {
    }

    public static List<EnvironmentKind> all() {
        return ALL;
    }

    public static Optional<EnvironmentKind> lookup(String id) {
        return ALL.stream().filter(k -> k.id().equals(id)).findFirst();
    }
}
