package org.rabt.config.reports;

/** A report asked for with a period the hub cannot read (RABT-R001). */
final class InvalidReportRequest extends RuntimeException {

    static final String CODE = "RABT-R001";

    private final String field;

    InvalidReportRequest(String field, String detail) {
        super(detail);
        this.field = field;
    }

    String field() {
        return field;
    }
}
