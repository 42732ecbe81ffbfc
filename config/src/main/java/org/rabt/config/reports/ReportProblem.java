package org.rabt.config.reports;

/** The reports' refusals on the staff API (docs/errors.md, "Reports"). */
public enum ReportProblem {
    INVALID_PERIOD("RABT-R001", 400, "Invalid report request"),
    NO_PROVINCE("RABT-R002", 409, "This hub has no province"),
    NOT_A_REPORT_EXPORT("RABT-R003", 422, "Not a provincial report export"),
    TAMPERED("RABT-R004", 422, "The report does not match its signature"),
    UNTRUSTED_SIGNER("RABT-R005", 403, "The report is not signed by a trusted provincial hub"),
    ALREADY_IMPORTED("RABT-R006", 409, "This province's report for this period is imported already");

    private final String code;
    private final int status;
    private final String title;

    ReportProblem(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
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
}
