package dev.handoff.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The sweep engines on the class path ({@code META-INF/services/dev.handoff.sweep.SweepEngine}), by id. */
public final class SweepEngines {
    private SweepEngines() {
    }

    /** Every engine found, {@code local} first, the others by id. */
    public static List<SweepEngine> available() {
        List<SweepEngine> out = new ArrayList<>();
        ServiceLoader.load(SweepEngine.class).forEach(out::add);
        out.sort(Comparator.comparing((SweepEngine e) -> !e.id().equals(LocalSweepEngine.ID)).thenComparing(SweepEngine::id));
        return out;
    }

    public static Optional<SweepEngine> byId(String id) {
        return available().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return available().stream().map(SweepEngine::id).toList();
    }
}
