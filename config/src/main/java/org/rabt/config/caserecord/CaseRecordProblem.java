package org.rabt.config.caserecord;

/** The case record's own refusals on the staff API (docs/errors.md). */
public enum CaseRecordProblem {
    NO_SUCH_FILE("RABT-C001", 404, "No such child file", "no child's file has this id; search with GET /api/v1/children?q="),
    NO_SUCH_DECISION("RABT-C002", 409, "Nothing to decide",
            "no open review (or no merge still in force) has this id: it was decided already, or never existed"),
    NO_SUCH_ATTACHMENT("RABT-C004", 404, "No such attachment",
            "no card of this file references a document with this SHA-256 that the hub holds (its sender uploads it "
                    + "apart), or your role does not read documents"),
    INVALID_CARD_REQUEST("RABT-C003", 422, "Invalid card request",
            "the card cannot be built from this request; the field named says why");

    private final String code;
    private final int status;
    private final String title;
    private final String detail;

    CaseRecordProblem(String code, int status, String title, String detail) {
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
