package org.rabt.config.reports;

/** A report asked for with a period the hub cannot read (RABT-R001, {@link ReportProblem#INVALID_PERIOD}). */
final class InvalidReportRequest extends RuntimeException {

    static final String CODE = ReportProblem.INVALID_PERIOD.code();

    private final String field;

    InvalidReportRequest(String field, String detail) {
        super(detail);
        this.field = field;
    }

    String field() {
        return field;
    }
}
