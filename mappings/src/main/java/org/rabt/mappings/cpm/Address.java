package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where the child lives. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(String line, String city, String province) {
}
