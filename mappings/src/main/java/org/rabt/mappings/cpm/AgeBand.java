package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.Period;

/** Age bands used in every report (UNICEF's standard bands for children). */
public enum AgeBand implements Coded {
    UNDER_5("0-4"),
    FROM_5_TO_9("5-9"),
    FROM_10_TO_14("10-14"),
    FROM_15_TO_17("15-17"),
    ADULT("18+"),
    UNKNOWN("unknown");

    private final String code;

    AgeBand(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    /** The band of a child born on {@code birthDate}, on {@code onDate}. */
    public static AgeBand of(LocalDate birthDate, LocalDate onDate) {
        if (birthDate == null) {
            return UNKNOWN;
        }
        int years = Period.between(birthDate, onDate).getYears();
        if (years < 5) {
            return UNDER_5;
        } else if (years < 10) {
            return FROM_5_TO_9;
        } else if (years < 15) {
            return FROM_10_TO_14;
        } else if (years < 18) {
            return FROM_15_TO_17;
        }
        return ADULT;
    }

    @JsonCreator
    public static AgeBand fromCode(String code) {
        return Coded.parse(AgeBand.class, code, "ageBand");
    }
}
