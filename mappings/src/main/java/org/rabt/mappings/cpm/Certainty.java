package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a form of harm is suspected or confirmed. */
public enum Certainty implements Coded {
    SUSPECTED("suspected"),
    CONFIRMED("confirmed");

    private final String code;

    Certainty(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Certainty fromCode(String code) {
        return Coded.parse(Certainty.class, code, "certainty");
    }
}
