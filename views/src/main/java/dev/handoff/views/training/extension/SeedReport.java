package dev.handoff.views.training.extension;

import java.util.List;

/**
 * What an environment kind reports about one trained seed, item by item (cpu-programming: per task, the program the
 * seed's greedy policy submits and whether it passed every vector). The dashboard shows it read-only, items on the
 * left marked "✓ okWord" or "✗ failWord" (cpu-programming: solved, not solved), the selected item's text on the right.
 */
public record SeedReport(String title, String header, String okWord, String failWord, List<Item> items) {
    /** One item: its name, its text (monospaced), and whether it counts as a success. */
    public record Item(String name, String text, boolean ok) {
    }

    public long okCount() {
        return items.stream().filter(Item::ok).count();
    }

    /** The item called {@code name}. */
    public Item item(String name) {
        return items.stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no item " + name + " in " + title));
    }
}
