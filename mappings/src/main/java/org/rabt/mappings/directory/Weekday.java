package org.rabt.mappings.directory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.rabt.mappings.cpm.Coded;

/** A day of the week, with FHIR's {@code days-of-week} codes. */
public enum Weekday implements Coded {
    MON("mon"),
    TUE("tue"),
    WED("wed"),
    THU("thu"),
    FRI("fri"),
    SAT("sat"),
    SUN("sun");

    private final String code;

    Weekday(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Weekday fromCode(String code) {
        return Coded.parse(Weekday.class, code, "days");
    }
}
