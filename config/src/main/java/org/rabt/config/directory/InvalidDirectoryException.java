package org.rabt.config.directory;

/**
 * The directory of services could not be loaded: the hub does not start without one, since it
 * routes requested services through it. {@link InvalidDirectoryFailureAnalyzer} tells the operator
 * what to fix instead of a stack trace.
 */
public final class InvalidDirectoryException extends IllegalStateException {

    private final String location;
    private final String problem;

    InvalidDirectoryException(String location, String problem, Throwable cause) {
        super("the directory of services at " + location + " cannot be used: " + problem, cause);
        this.location = location;
        this.problem = problem;
    }

    /** The configured {@code rabt.directory.location}. */
    public String location() {
        return location;
    }

    /** What is wrong, with the error code and the place in the file where there is one. */
    public String problem() {
        return problem;
    }
}
