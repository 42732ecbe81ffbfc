package org.rabt.security;

import java.util.Objects;

/**
 * A fault of the hub's own security set-up (unreadable or inconsistent PKI files, an unusable key)
 * that an operator must fix; never caused by a sector's request. Carries a stable
 * {@link SecurityError} code and a sentence saying what to do.
 */
public final class SecurityMisconfiguration extends RuntimeException {

    private final SecurityError error;
    private final String detail;

    public SecurityMisconfiguration(SecurityError error, String detail) {
        this(error, detail, null);
    }

    public SecurityMisconfiguration(SecurityError error, String detail, Throwable cause) {
        super(Objects.requireNonNull(error, "error").code() + ": " + Objects.requireNonNull(detail, "detail"), cause);
        if (error.senderFault()) {
            throw new IllegalArgumentException(error.code() + " is a sender fault; throw SecurityViolation");
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
