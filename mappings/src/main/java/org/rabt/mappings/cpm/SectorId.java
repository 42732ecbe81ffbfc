package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The parties of the exchange: the decentralised services and the centre itself (the hub's own case record). */
public enum SectorId implements Coded {
    HEALTH("health"),
    JUSTICE("justice"),
    EDUCATION("education"),
    LABOUR("labour"),
    POLICE("police"),
    GENDARMERIE("gendarmerie"),
    SOCIAL("social"),
    FREELINE("freeline"),
    CENTRE("centre");

    private final String code;

    SectorId(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static SectorId fromCode(String code) {
        return Coded.parse(SectorId.class, code, "sector");
    }
}
