package org.rabt.mappings.education;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.rabt.mappings.MappingException;

/** Checks on values shared by the JSON card and the CSV batch, which the schemas alone cannot make. */
final class EducationValues {

    /** The code Massar: one capital letter and nine digits ({@code J130012345}). */
    static final Pattern MASSAR = Pattern.compile("[A-Z][0-9]{9}");
    static final Pattern PROVINCE = Pattern.compile("MA-[0-9A-Z]{2,3}");
    /** The CPM schema's lower bound for a birth year: the card is about a child. */
    static final int EARLIEST_BIRTH_YEAR = 1990;

    private EducationValues() {
    }

    /** A birth date the CPM can carry: not before {@value #EARLIEST_BIRTH_YEAR}, not after the day the card was sent. */
    static LocalDate birthDate(LocalDate date, LocalDate sentOn, String field) {
        if (date.getYear() < EARLIEST_BIRTH_YEAR) {
            throw MappingException.invalid(field, "'" + date + "' is before " + EARLIEST_BIRTH_YEAR
                    + ": a card concerns a child");
        }
        if (date.isAfter(sentOn)) {
            throw MappingException.invalid(field, "'" + date + "' is after the day the card was sent (" + sentOn + ")");
        }
        return date;
    }

    /** True when the text holds at least one letter of the Arabic script (catches names put in the wrong column). */
    static boolean hasArabicLetter(String text) {
        return text.codePoints().anyMatch(c -> Character.isLetter(c)
                && Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
    }
}
