package org.rabt.mappings;

/**
 * A mapping failure with a stable code, the field it concerns (a FHIRPath-like or JSON-pointer
 * location, or {@code null}) and a sentence a sector developer can act on.
 */
public final class MappingException extends RuntimeException {

    private final MappingError error;
    private final String field;

    public MappingException(MappingError error, String field, String detail) {
        super(error.code() + ": " + detail);
        this.error = error;
        this.field = field;
    }

    public MappingException(MappingError error, String field, String detail, Throwable cause) {
        super(error.code() + ": " + detail, cause);
        this.error = error;
        this.field = field;
    }

    public MappingError error() {
        return error;
    }

    public String code() {
        return error.code();
    }

    /** Where in the payload the problem is, or {@code null} when it concerns the whole body. */
    public String field() {
        return field;
    }

    /** The sentence without the code prefix. */
    public String detail() {
        String message = getMessage();
        return message.substring(error.code().length() + 2);
    }

    public static MappingException missing(String field) {
        return new MappingException(MappingError.MISSING_ELEMENT, field, field + " is required and is missing");
    }

    public static MappingException invalid(String field, String why) {
        return new MappingException(MappingError.INVALID_VALUE, field, field + ": " + why);
    }
}
