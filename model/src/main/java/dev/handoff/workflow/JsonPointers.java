package dev.handoff.workflow;

/** Building JSON Pointer (RFC 6901) paths for {@link Problem}s. */
public final class JsonPointers {
    private JsonPointers() {
    }

    /** {@code base + "/" + token}, with {@code ~} and {@code /} in the token escaped. */
    public static String child(String base, String token) {
        return base + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    /** {@code base + "/" + index}. */
    public static String child(String base, int index) {
        return base + "/" + index;
    }
}
