package dev.handoff.app.cli;

import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

/** Parses {@code --seeds A..B} (inclusive) or a comma list {@code 1,5,9}. */
final class SeedRange implements CommandLine.ITypeConverter<List<Long>> {
    @Override
    public List<Long> convert(String value) {
        List<Long> seeds = new ArrayList<>();
        try {
            if (value.contains("..")) {
                String[] parts = value.split("\\.\\.", 2);
                long a = Long.parseLong(parts[0].trim());
                long b = Long.parseLong(parts[1].trim());
                if (b < a || b - a > 10_000) {
                    throw new CommandLine.TypeConversionException("seed range " + value + " must be A..B with A ≤ B");
                }
                for (long s = a; s <= b; s++) {
                    seeds.add(s);
                }
            } else {
                for (String p : value.split(",")) {
                    seeds.add(Long.parseLong(p.trim()));
                }
            }
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("not a seed list: \"" + value + "\" (use A..B or 1,2,3)");
        }
        return seeds;
    }
}
