package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The assessed level of risk to the child. */
public enum RiskLevel implements Coded {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high");

    private final String code;

    RiskLevel(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static RiskLevel fromCode(String code) {
        return Coded.parse(RiskLevel.class, code, "riskLevel");
    }
}
