package org.rabt.config.operations;

/** The operator's refusals on the staff API: dead letters (docs/errors.md, "Operations"). */
public enum OperationsProblem {
    NO_SUCH_SECTOR("RABT-O001", 404, "No such sector",
            "the path names no sector of this hub; the sector ids are health, justice, education, labour, police, "
                    + "gendarmerie, social, freeline and centre"),
    NOT_A_DEAD_LETTER("RABT-O002", 404, "Not in the dead-letter queue",
            "this card is not in this sector's dead-letter queue: it was replayed already, is addressed to another "
                    + "sector, or was never dead-lettered; list the queue with GET /api/v1/dead-letters/{sector}"),
    BROKER_UNREACHABLE("RABT-O003", 503, "Broker unreachable",
            "the hub could not reach the message broker; nothing was moved. Try again once the broker answers"),
    INVALID_LIMIT("RABT-O004", 400, "Invalid limit",
            "limit must be a whole number from 1 to " + DeadLetterQueues.MAX_LISTED);

    private final String code;
    private final int status;
    private final String title;
    private final String detail;

    OperationsProblem(String code, int status, String title, String detail) {
        this.code = code;
        this.status = status;
        this.title = title;
        this.detail = detail;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }
}
