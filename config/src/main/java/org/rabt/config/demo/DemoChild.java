package org.rabt.config.demo;

import java.time.LocalDate;
import org.rabt.mappings.cpm.Sex;

/**
 * A child of the demo, as the sector systems that meet it record it. The hub joins their cards
 * through its pseudonym: by the civil-status number when a card carries one, else by the Latin
 * name with the birth date and sex, so every card about one child carries the same of these.
 *
 * @param familyLatin       {@code null} for a child who gave only a first name (an anonymous call)
 * @param birthDate         {@code null} when only the year is known
 * @param civilStatusNumber {@code null} when the sectors do not know it
 */
record DemoChild(
        String familyLatin,
        String givenLatin,
        String familyArabic,
        String givenArabic,
        LocalDate birthDate,
        int birthYear,
        Sex sex,
        String civilStatusNumber,
        String addressLine,
        String guardianRelation,
        String guardianName,
        String guardianPhone) {

    String displayName() {
        return familyLatin == null ? givenLatin : givenLatin + " " + familyLatin;
    }
}
