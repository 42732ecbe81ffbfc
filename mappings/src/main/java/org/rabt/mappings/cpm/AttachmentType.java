package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an attached document is. */
public enum AttachmentType implements Coded {
    MEDICAL_CERTIFICATE("medical-certificate"),
    FORENSIC_CERTIFICATE("forensic-certificate"),
    SOCIAL_REPORT("social-report"),
    POLICE_REPORT("police-report"),
    COURT_DECISION("court-decision"),
    SCHOOL_REPORT("school-report"),
    OTHER("other");

    private final String code;

    AttachmentType(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static AttachmentType fromCode(String code) {
        return Coded.parse(AttachmentType.class, code, "attachmentType");
    }
}
