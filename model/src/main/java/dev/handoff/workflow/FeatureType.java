package dev.handoff.workflow;

import com.fasterxml.jackson.annotation.JsonValue;

/** The type of an artifact feature. */
public enum FeatureType {
    INT("int"), REAL("real"), BOOL("bool"), CATEGORY("category");

    private final String json;

    FeatureType(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
