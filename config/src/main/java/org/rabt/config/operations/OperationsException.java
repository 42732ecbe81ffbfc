package org.rabt.config.operations;

/** A coded refusal of an operator's request; answered as a problem document and audited. */
public final class OperationsException extends RuntimeException {

    private final OperationsProblem problem;
    private final String field;

    public OperationsException(OperationsProblem problem, String field) {
        this(problem, field, null);
    }

    public OperationsException(OperationsProblem problem, String field, Throwable cause) {
        super(problem.code() + ": " + problem.detail(), cause);
        this.problem = problem;
        this.field = field;
    }

    public OperationsProblem problem() {
        return problem;
    }

    public String field() {
        return field;
    }
}
