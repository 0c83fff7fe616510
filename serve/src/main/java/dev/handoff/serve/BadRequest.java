package dev.handoff.serve;

/** A request the service refuses with 400: {@link #field()} is the JSON Pointer of the offending value ("" for the body). */
final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;
    private final String field;

    BadRequest(String field, String message) {
        super(field.isEmpty() ? message : field + ": " + message, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
