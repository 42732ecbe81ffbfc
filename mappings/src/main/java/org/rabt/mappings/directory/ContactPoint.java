package org.rabt.mappings.directory;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A named person to reach at an organisation for child protection (the programme's "contact
 * points": name, title, contact data). At least one of phone and e-mail is present.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactPoint(String name, Names title, String phone, String email) {
}
