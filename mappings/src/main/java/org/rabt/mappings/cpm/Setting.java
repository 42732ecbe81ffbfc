package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where the harm happens. */
public enum Setting implements Coded {
    FAMILY("family"),
    SCHOOL("school"),
    WORKPLACE("workplace"),
    STREET("street"),
    INSTITUTION("institution"),
    COMMUNITY("community"),
    ONLINE("online"),
    OTHER("other"),
    UNKNOWN("unknown");

    private final String code;

    Setting(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Setting fromCode(String code) {
        return Coded.parse(Setting.class, code, "setting");
    }
}
