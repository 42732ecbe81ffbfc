package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * The child's identity: encrypted at rest, released only where need-to-know and a legal basis hold.
 *
 * @param nationalId        national identity card (CNIE) number, when the child has one
 * @param civilStatusNumber civil-status (état civil) registration number
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChildProtected(
        String familyNameLatin,
        String givenNameLatin,
        String familyNameArabic,
        String givenNameArabic,
        LocalDate birthDate,
        List<Guardian> guardians,
        Address address,
        String phone,
        String nationalId,
        String civilStatusNumber,
        String schoolCode,
        String courtFileNumber) {

    public ChildProtected {
        guardians = guardians == null ? List.of() : List.copyOf(guardians);
    }
}
