package dev.handoff.fuzz;

/**
 * One way to damage one file of one corpus: which loader, corpus and file, the kind of damage and three free numbers
 * it uses (positions, lengths, which hostile value). jqwik generates these; {@link Mutations} applies them.
 */
record Damage(int target, int corpus, int file, Kind kind, int at, int length, int value) {
    enum Kind {
        /** the file cut short */
        TRUNCATE,
        /** a range of bytes deleted */
        DELETE,
        /** format-aware noise inserted (brackets and quotes, XML markup, CSV quotes, digits) */
        INSERT_NOISE,
        /** bytes overwritten with random ones */
        FLIP,
        /** the whole file replaced with binary garbage */
        GARBAGE,
        /** a chunk of the file repeated many times */
        REPEAT_CHUNK,
        /** one JSON value (or property) replaced with a hostile one: wrong types, NaN, huge, deep, duplicated ... */
        JSON_VALUE,
        /** a hostile snippet inserted in a text format (XML entities and DOCTYPEs, deep elements, long fields) */
        HOSTILE_SNIPPET,
        /** an empty file */
        EMPTY,
        /** a folder where the file should be */
        FOLDER,
        /** the file missing */
        MISSING
    }
}
