package org.rabt.config.reports;

/** A coded refusal of a report request (export, import), answered as a problem document and audited. */
final class ReportRefused extends RuntimeException {

    private final ReportProblem problem;
    private final String field;

    ReportRefused(ReportProblem problem, String field, String detail) {
        super(detail);
        this.problem = problem;
        this.field = field;
    }

    ReportRefused(ReportProblem problem, String field, String detail, Throwable cause) {
        super(detail, cause);
        this.problem = problem;
        this.field = field;
    }

    ReportProblem problem() {
        return problem;
    }

    String field() {
        return field;
    }
}
