package org.rabt.connectors.exchange;

/**
 * Stable codes of refusals at the door of the exchange API, before the payload is read (and, for
 * a status report, when what it names does not match its URL).
 */
public enum IntakeError {
    UNSUPPORTED_CONTENT_TYPE("RABT-I001", 415, "Unsupported content type"),
    EMPTY_BODY("RABT-I002", 400, "Empty body"),
    BODY_TOO_LARGE("RABT-I003", 413, "Body too large"),
    CARD_ID_CONFLICT("RABT-I004", 409, "Card id already used for another card"),
    IDEMPOTENCY_KEY_CONFLICT("RABT-I005", 422, "Idempotency-Key already used for another card"),
    UNKNOWN_SECTOR("RABT-I006", 404, "Unknown sector"),
    UNSUPPORTED_SECTOR_FORMAT("RABT-I007", 422, "Sector format not supported yet"),
    CARD_NOT_FOUND("RABT-I008", 404, "Card not found"),
    QUEUE_UNAVAILABLE("RABT-I009", 503, "Hub temporarily unable to queue the card"),
    INVALID_IDEMPOTENCY_KEY("RABT-I010", 400, "Invalid Idempotency-Key"),
    STARTING("RABT-I011", 503, "Hub starting"),
    BUSY("RABT-I012", 503, "Hub busy"),
    NOT_THE_RECEIVER("RABT-I013", 403, "Not the card's receiver"),
    STATUS_CARD_MISMATCH("RABT-I014", 422, "Status report names another card"),
    BATCH_NOT_FOUND("RABT-I015", 404, "Batch not found"),
    RATE_LIMITED("RABT-I016", 429, "Too many requests from this client certificate"),
    ATTACHMENT_HASH_MISMATCH("RABT-I017", 422, "Attachment does not match its SHA-256"),
    // RABT-I018 (an AMQP card not sealed for the hub) is SecurityError.CARD_NOT_SEALED: only the security module sees it
    NO_CLIENT_CERTIFICATE("RABT-A001", 401, "Client certificate required");

    private final String code;
    private final int httpStatus;
    private final String title;

    IntakeError(String code, int httpStatus, String title) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }
}
