package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The referral's status, with the codes of FHIR Task.status that a referral can take. */
public enum TaskStatus implements Coded {
    REQUESTED("requested"),
    RECEIVED("received"),
    ACCEPTED("accepted"),
    REJECTED("rejected"),
    IN_PROGRESS("in-progress"),
    ON_HOLD("on-hold"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String code;

    TaskStatus(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static TaskStatus fromCode(String code) {
        return Coded.parse(TaskStatus.class, code, "status");
    }
}
