package org.rabt.config.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the directory of services is read from at start ({@code rabt.directory.location}): the
 * edition shipped in the jar by default; an operator points it at a file of the province's own
 * ({@code file:/etc/rabt/directory.json}). {@code docs/directory.md} describes the file.
 */
@ConfigurationProperties("rabt.directory")
public record DirectoryProperties(@DefaultValue(DirectoryProperties.SHIPPED) String location) {

    /** The edition in the jar: {@code config/src/main/resources/directory/directory.json}. */
    public static final String SHIPPED = "classpath:directory/directory.json";
}
