package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A form of harm the child suffers or is suspected to suffer. Never names a perpetrator.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Concern(
        ConcernCode code,
        Certainty certainty,
        Setting setting,
        RiskLevel riskLevel,
        boolean emergency) {
}
