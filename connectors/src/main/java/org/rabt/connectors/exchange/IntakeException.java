package org.rabt.connectors.exchange;

/** A coded refusal of an exchange request, with a sentence the sector's developer can act on. */
public final class IntakeException extends RuntimeException {

    private final IntakeError error;

    public IntakeException(IntakeError error, String detail) {
        super(error.code() + ": " + detail);
        this.error = error;
    }

    public IntakeError error() {
        return error;
    }

    public String detail() {
        return getMessage().substring(error.code().length() + 2);
    }
}
