package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A parent or legal guardian.
 *
 * @param relationship a code of HL7 v3 RoleCode for family members (MTH, FTH, GRMTH, ...) or
 *                     {@code GUARD} for a legal guardian
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Guardian(String relationship, String name, String phone) {
}
