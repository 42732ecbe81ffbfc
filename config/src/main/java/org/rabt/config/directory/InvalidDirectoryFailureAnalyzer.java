package org.rabt.config.directory;

import org.rabt.mappings.directory.DirectoryJson;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a directory that cannot be loaded into Spring Boot's "APPLICATION FAILED TO START" report:
 * which file, what is wrong where, and what to do (registered in {@code META-INF/spring.factories}).
 */
public final class InvalidDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<InvalidDirectoryException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidDirectoryException cause) {
        String description = "The directory of services at " + cause.location() + " cannot be used: "
                + cause.problem();
        String action = "Correct the file (its format is in docs/directory.md and its JSON Schema is "
                + "mappings/src/main/resources" + DirectoryJson.SCHEMA
                + "), or set rabt.directory.location to a valid edition (default "
                + DirectoryProperties.SHIPPED + "). The hub does not start without a valid directory.";
        return new FailureAnalysis(description, action, cause);
    }
}
