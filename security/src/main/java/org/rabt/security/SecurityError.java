package org.rabt.security;

/**
 * The stable codes of security failures. A code never changes meaning once released: sector
 * developers and operators search for it. {@code S0xx} and {@code A0xx} reject a request that the
 * sender can correct; {@code S9xx} are faults of the hub's own PKI or keys that an operator must fix.
 * {@code RABT-I018} is an intake refusal that only this module can recognise (an AMQP card not sealed
 * for the hub), hence its intake code.
 */
public enum SecurityError {
    /** No signature accompanies the body. */
    SIGNATURE_MISSING("RABT-S001", "Signature missing", true),
    /** Not base64, not a DER CMS SignedData, not detached, or no signer in it. */
    SIGNATURE_MALFORMED("RABT-S002", "Signature is not a detached CMS SignedData", true),
    /** The signature does not verify over the exact body bytes. */
    SIGNATURE_INVALID("RABT-S003", "Signature does not match the body", true),
    /** Signed with the key of another known sector. */
    SIGNED_BY_OTHER_SECTOR("RABT-S004", "Signed with another sector's key", true),
    /** The signer's certificate is not issued by a trusted CA, has expired or is not yet valid. */
    SIGNER_CERTIFICATE_NOT_VALID("RABT-S005", "Signer certificate not valid", true),
    /** Signed by a certificate that is not the sender's registered one. */
    UNKNOWN_SIGNER("RABT-S006", "Unknown signer", true),
    /** The certificate (TLS client or signer) is on the hub's revocation list. */
    CERTIFICATE_REVOKED("RABT-S007", "Certificate revoked", true),
    /** {@code keys retire}: stored values still name the key; {@code keys reencrypt} comes first. */
    KEY_STILL_IN_USE("RABT-S008", "Data key still in use", true),
    /** {@code keys retire}: no such key, the newest key, or a rotation too recent for every node to have seen it. */
    KEY_NOT_RETIRABLE("RABT-S009", "Data key cannot be retired", true),
    /** The client certificate of sector X was used on sector Y's path. */
    CERTIFICATE_OF_OTHER_SECTOR("RABT-A002", "Client certificate belongs to another sector", true),
    /** The client certificate names no known sector. */
    CERTIFICATE_NAMES_NO_SECTOR("RABT-A003", "Client certificate names no known sector", true),
    /**
     * Over AMQP the card is not a CMS AuthEnvelopedData the hub can open: plain, not CMS, sealed for
     * another certificate (an old copy of {@code hub.pem}), or altered on the way.
     */
    CARD_NOT_SEALED("RABT-I018", "Card not sealed for the hub", true),
    /** A PKI file cannot be read or written (permissions, disk, missing directory). */
    PKI_STORAGE("RABT-S901", "Hub PKI storage failure", false),
    /** PKI files exist but are not valid PEM, do not match each other, or were not issued by the CA. */
    PKI_INCONSISTENT("RABT-S902", "Hub PKI files inconsistent", false),
    /** A cryptographic operation with the hub's own keys failed (provider or key problem). */
    CRYPTO_FAILURE("RABT-S903", "Cryptographic operation failed in the hub", false);

    private final String code;
    private final String title;
    private final boolean senderFault;

    SecurityError(String code, String title, boolean senderFault) {
        this.code = code;
        this.title = title;
        this.senderFault = senderFault;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /**
     * Whether the sender of a request caused this (and can correct it): thrown as
     * {@link SecurityViolation}; otherwise the hub is at fault: thrown as {@link SecurityMisconfiguration}.
     */
    public boolean senderFault() {
        return senderFault;
    }
}
