package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the receiver may use the card for. */
public enum PurposeOfUse implements Coded {
    CHILD_PROTECTION("child-protection"),
    MEDICAL_CARE("medical-care"),
    LEGAL_PROTECTION("legal-protection"),
    SCHOOLING("schooling"),
    LABOUR_WITHDRAWAL("labour-withdrawal"),
    SOCIAL_SUPPORT("social-support");

    private final String code;

    PurposeOfUse(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static PurposeOfUse fromCode(String code) {
        return Coded.parse(PurposeOfUse.class, code, "purposeOfUse");
    }
}
