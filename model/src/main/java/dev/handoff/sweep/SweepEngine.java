package dev.handoff.sweep;

import java.io.IOException;
import java.util.Map;

/**
 * Where a sweep's cells run: an engine takes every (value, seed, algorithm) cell of a request, measures the ones its
 * folder does not hold yet, saves each to the folder as it finishes, and assembles the result through
 * {@link SweepGrid}, so every engine gives the same numbers. Engines are found at run time with
 * {@link java.util.ServiceLoader} ({@link SweepEngines}): {@code local} (threads in this process,
 * {@link LocalSweepEngine}) is always there; others, such as {@code spark}, come from modules on the class path.
 */
public interface SweepEngine {
    /** The {@code --engine} name. */
    String id();

    /** One line for the help text. */
    String description();

    /**
     * A problem with the engine options the user gave (for example a Spark master), or null when they are fine.
     * The local engine takes none.
     */
    String problemWithOptions(Map<String, String> options);

    /**
     * The folder named by {@code --out} as this engine writes it (a local path; an engine may also accept URIs).
     *
     * @throws IllegalArgumentException when the engine cannot write to such a location, saying why
     */
    SweepFolder folder(String out, Map<String, String> options) throws IOException;

    /** Runs the request's pending cells and returns the whole sweep's result. */
    SweepResult run(SweepRequest request) throws Exception;
}
