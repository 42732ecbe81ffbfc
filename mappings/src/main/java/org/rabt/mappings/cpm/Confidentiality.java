package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Confidentiality label of the card, after HL7 v3 Confidentiality (normal, restricted, very restricted). */
public enum Confidentiality implements Coded {
    NORMAL("normal"),
    RESTRICTED("restricted"),
    VERY_RESTRICTED("very-restricted");

    private final String code;

    Confidentiality(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Confidentiality fromCode(String code) {
        return Coded.parse(Confidentiality.class, code, "confidentiality");
    }
}
