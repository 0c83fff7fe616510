package dev.handoff.sweep;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One sweep to run: what it measures ({@code spec}, and the {@code design} built from it here), over which values
 * and seeds, the store of its finished cells (in the folder from {@link SweepEngine#folder}), how many cells to run at once
 * where the engine decides that itself (the local engine's threads), the engine's own options, and where progress
 * lines go (may be null), and whether cells that train keep their run folders in the store's folder
 * ({@code --keep-runs}, {@link SweepRuns}).
 */
public record SweepRequest(SweepSpec spec, SweepDesign design, double[] values, List<Long> seeds, SweepCellStore store,
                           int threads, Map<String, String> options, Consumer<String> progress, boolean keepRuns) {
    public SweepRequest {
        values = values.clone();
        seeds = List.copyOf(seeds);
        options = options == null ? Map.of() : Map.copyOf(options);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1");
        }
    }

    /** A request that keeps no run folders. */
    public SweepRequest(SweepSpec spec, SweepDesign design, double[] values, List<Long> seeds, SweepCellStore store,
                        int threads, Map<String, String> options, Consumer<String> progress) {
        this(spec, design, values, seeds, store, threads, options, progress, false);
    }

    /** Where the cells keep their run folders: the store's folder with {@code --keep-runs}, else null. */
    public SweepFolder runs() {
        return keepRuns ? store.folder() : null;
    }

    public SweepGrid grid() {
        return new SweepGrid(design, values, seeds);
    }

    /** Sends a line to the progress consumer, if there is one. */
    public void report(String line) {
        if (progress != null) {
            progress.accept(line);
        }
    }
}
