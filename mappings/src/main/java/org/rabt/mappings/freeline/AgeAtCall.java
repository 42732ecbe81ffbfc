package org.rabt.mappings.freeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.AgeBand;

/**
 * The age band and birth year a report gives, from whichever of a date of birth, a birth year or
 * an age the caller could say, on the day of the call.
 *
 * <p>The day is the call's and not the sending's, because the age was said then; and it is the
 * calendar day in Morocco, because that is the day the caller counted from. Each kind of answer
 * is turned into the range of birth dates it allows, and the range gives only what it implies for
 * certain: a band when every date in it falls in one band, a birth year when every date falls in
 * one year. So an age ("she is nine") gives a band but almost never a year, since a child of nine
 * on 30 November was born in one of two years; only on 31 December does an age fix the year. The
 * hub never guesses a birth year: it would be read later as a fact, by the pseudonym matching and
 * in the statistics.
 */
final class AgeAtCall {

    /** Morocco's legal time (UTC+1, UTC+0 during Ramadan): the caller's calendar. */
    static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

    /** The CPM's earliest birth year: a card concerns a child, or a young adult still followed. */
    private static final int EARLIEST_BIRTH_YEAR = 1990;

    private AgeAtCall() {
    }

    /** What the CPM gets: the band (possibly {@code unknown}) and the birth year (possibly absent). */
    record Age(AgeBand band, Integer birthYear) {
    }

    /**
     * @param at the child's location in the document ({@code /enfant}), for error fields
     * @throws MappingException RABT-M004 when more than one of the three is given, or the birth
     *                          falls after the call
     */
    static Age of(LocalDate birthDate, Integer birthYear, Integer age, Instant call, String at) {
        requireAtMostOne(birthDate, birthYear, age, at);
        LocalDate callDay = LocalDate.ofInstant(call, MOROCCO);
        if (birthDate != null) {
            return fromBirthDate(birthDate, callDay, at + "/dateNaissance");
        }
        if (birthYear != null) {
            return fromBirthYear(birthYear, callDay, at + "/anneeNaissance");
        }
        if (age != null) {
            return fromAge(age, callDay);
        }
        return new Age(AgeBand.UNKNOWN, null);
    }

    private static Age fromBirthDate(LocalDate birthDate, LocalDate callDay, String field) {
        if (birthDate.isAfter(callDay)) {
            throw MappingException.invalid(field, birthDate + " is after the day of the call (" + callDay + ")");
        }
        if (birthDate.getYear() < EARLIEST_BIRTH_YEAR) {
            throw MappingException.invalid(field, birthDate + " is before " + EARLIEST_BIRTH_YEAR
                    + ": a report concerns a child");
        }
        return certain(birthDate, birthDate, callDay);
    }

    private static Age fromBirthYear(int year, LocalDate callDay, String field) {
        if (year > callDay.getYear()) {
            throw MappingException.invalid(field, year + " is after the year of the call (" + callDay.getYear() + ")");
        }
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        return certain(LocalDate.of(year, 1, 1), endOfYear.isAfter(callDay) ? callDay : endOfYear, callDay);
    }

    /** Aged {@code age} on the call day: born after that day {@code age + 1} years before, and by that day {@code age} years before. */
    private static Age fromAge(int age, LocalDate callDay) {
        LocalDate earliest = callDay.minusYears(age + 1L).plusDays(1);
        LocalDate latest = callDay.minusYears(age);
        Age certain = certain(earliest, latest, callDay);
        // An age on 31 December far in the past could fix a year the CPM does not take: leave it out.
        return certain.birthYear() != null && certain.birthYear() < EARLIEST_BIRTH_YEAR
                ? new Age(certain.band(), null) : certain;
    }

    /** What every birth date from {@code earliest} to {@code latest} has in common, on {@code callDay}. */
    private static Age certain(LocalDate earliest, LocalDate latest, LocalDate callDay) {
        AgeBand oldest = AgeBand.of(earliest, callDay);
        AgeBand youngest = AgeBand.of(latest, callDay);
        return new Age(oldest == youngest ? oldest : AgeBand.UNKNOWN,
                earliest.getYear() == latest.getYear() ? earliest.getYear() : null);
    }

    private static void requireAtMostOne(LocalDate birthDate, Integer birthYear, Integer age, String at) {
        List<String> given = new ArrayList<>();
        if (birthDate != null) {
            given.add("dateNaissance");
        }
        if (birthYear != null) {
            given.add("anneeNaissance");
        }
        if (age != null) {
            given.add("age");
        }
        if (given.size() > 1) {
            throw MappingException.invalid(at + "/" + given.get(1), "give only one of dateNaissance, anneeNaissance"
                    + " and age, the most precise the caller knows (" + given.get(0) + " is given too)");
        }
    }
}
