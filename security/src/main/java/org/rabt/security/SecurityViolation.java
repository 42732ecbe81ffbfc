package org.rabt.security;

import java.util.Objects;

/**
 * A request rejected for a security reason the sender can correct: a missing, malformed or
 * non-matching signature, or a client certificate used where it does not belong. Carries a stable
 * {@link SecurityError} code, its title, and a sentence a sector developer can act on.
 */
public final class SecurityViolation extends RuntimeException {

    private final SecurityError error;
    private final String detail;

    public SecurityViolation(SecurityError error, String detail) {
        this(error, detail, null);
    }

    public SecurityViolation(SecurityError error, String detail, Throwable cause) {
        super(Objects.requireNonNull(error, "error").code() + ": " + Objects.requireNonNull(detail, "detail"), cause);
        if (!error.senderFault()) {
            throw new IllegalArgumentException(error.code() + " is a hub fault; throw SecurityMisconfiguration");
        }
        this.error = error;
        this.detail = detail;
    }

    public SecurityError error() {
        return error;
    }

    public String code() {
        return error.code();
    }

    public String title() {
        return error.title();
    }

    /** The sentence without the code prefix. */
    public String detail() {
        return detail;
    }
}
