package org.rabt.mappings.freeline;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the line asks of the receiver, and its code in the directory of services. */
enum SuiteDemandee {
    /** The centre assesses the child's situation (the usual case). */
    EVALUATION_SITUATION("evaluation-situation", "situation-assessment"),
    /** A medical or social emergency (pathway stage 2). */
    ASSISTANCE_IMMEDIATE("assistance-immediate", "immediate-assistance"),
    /** The prosecutor acts to protect the child (emergencies sent straight to justice). */
    PROTECTION_JUDICIAIRE("protection-judiciaire", "legal-protection"),
    SOUTIEN_PSYCHOLOGIQUE("soutien-psychologique", "psychological-support");

    private final String code;
    private final String serviceCode;

    SuiteDemandee(String code, String serviceCode) {
        this.code = code;
        this.serviceCode = serviceCode;
    }

    @JsonValue
    String code() {
        return code;
    }

    /** The code of the directory of services ({@code https://rabt.ma/fhir/CodeSystem/service}). */
    String serviceCode() {
        return serviceCode;
    }
}
