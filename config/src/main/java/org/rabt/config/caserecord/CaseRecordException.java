package org.rabt.config.caserecord;

/** A coded refusal of the case record's staff API; the advice answers it as a problem document. */
public final class CaseRecordException extends RuntimeException {

    private final CaseRecordProblem problem;
    private final String field;

    public CaseRecordException(CaseRecordProblem problem, String field, String detail) {
        super(problem.code() + ": " + detail);
        this.problem = problem;
        this.field = field;
    }

    public CaseRecordProblem problem() {
        return problem;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return getMessage().substring(problem.code().length() + 2);
    }
}
