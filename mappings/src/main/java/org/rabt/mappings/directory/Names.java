package org.rabt.mappings.directory;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A name or title in the languages the directory is published in: French (the administrations'
 * working language), Arabic (what children and families read) and, for services, English.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Names(String fr, String ar, String en) {
}
