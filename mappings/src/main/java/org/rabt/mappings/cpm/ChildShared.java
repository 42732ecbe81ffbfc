package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The part of the child's record that every receiver may see: no name, no exact birth date, no
 * identifier but the hub's pseudonym.
 *
 * @param pseudonym assigned by the hub (keyed HMAC of normalised identifiers); {@code null}
 *                  straight out of an inbound mapper
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChildShared(
        String pseudonym,
        Sex sex,
        AgeBand ageBand,
        Integer birthYear,
        String province,
        Boolean disability) {

    public ChildShared withPseudonym(String newPseudonym) {
        return new ChildShared(newPseudonym, sex, ageBand, birthYear, province, disability);
    }
}
