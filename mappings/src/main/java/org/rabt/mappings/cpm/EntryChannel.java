package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the child entered the protection circuit. */
public enum EntryChannel implements Coded {
    FREE_LINE("free-line"),
    LISTENING_CELL("listening-cell"),
    MOBILE_TEAM("mobile-team"),
    HEALTH_FACILITY("health-facility"),
    SCHOOL("school"),
    POLICE("police"),
    GENDARMERIE("gendarmerie"),
    PROSECUTOR("prosecutor"),
    LABOUR_INSPECTION("labour-inspection"),
    SOCIAL_SERVICES("social-services"),
    CENTRE("centre"),
    SELF_REFERRAL("self-referral"),
    COMMUNITY_REPORT("community-report");

    private final String code;

    EntryChannel(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static EntryChannel fromCode(String code) {
        return Coded.parse(EntryChannel.class, code, "entryChannel");
    }
}
