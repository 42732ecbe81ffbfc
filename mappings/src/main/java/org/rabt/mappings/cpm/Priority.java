package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How fast the receiver should act; the codes of FHIR's request-priority. */
public enum Priority implements Coded {
    ROUTINE("routine"),
    URGENT("urgent"),
    ASAP("asap"),
    STAT("stat");

    private final String code;

    Priority(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Priority fromCode(String code) {
        return Coded.parse(Priority.class, code, "priority");
    }
}
