package org.rabt.mappings.directory;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where an organisation receives the public; the province is the organisation's own member. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(String line, String city, String postalCode) {
}
