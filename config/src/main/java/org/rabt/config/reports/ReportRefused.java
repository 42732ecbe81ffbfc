package org.rabt.config.reports;

/** A coded refusal of a report request (export, import), answered as a problem document and audited. */
final class ReportRefused extends RuntimeException {

    private final ReportProblem problem;
    private final String field;
    private final String payloadSha256;

    ReportRefused(ReportProblem problem, String field, String detail) {
        this(problem, field, detail, null, null);
    }

    ReportRefused(ReportProblem problem, String field, String detail, Throwable cause) {
        this(problem, field, detail, cause, null);
    }

    private ReportRefused(ReportProblem problem, String field, String detail, Throwable cause, String payloadSha256) {
        super(detail, cause);
        this.problem = problem;
        this.field = field;
        this.payloadSha256 = payloadSha256;
    }

    /** The same refusal, naming the refused body by its hex SHA-256 for the audit entry. */
    ReportRefused about(String sha256) {
        return new ReportRefused(problem, field, getMessage(), getCause(), sha256);
    }

    /** Hex SHA-256 of the refused body, or null. */
    String payloadSha256() {
        return payloadSha256;
    }

    ReportProblem problem() {
        return problem;
    }

    String field() {
        return field;
    }
}
