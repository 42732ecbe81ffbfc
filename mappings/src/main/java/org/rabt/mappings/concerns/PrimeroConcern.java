package org.rabt.mappings.concerns;

/**
 * The protection concerns of Primero, the case-management system UNICEF and its partners deploy
 * for child protection: the values of its default lookup {@code lookup-protection-concerns},
 * identified as Primero identifies them. A deployment may add its own values; the hub maps onto
 * the defaults, which every deployment has.
 */
public enum PrimeroConcern {
    SEXUALLY_EXPLOITED("sexually_exploited", "Sexually Exploited"),
    GBV_SURVIVOR("gbv_survivor", "GBV survivor"),
    TRAFFICKED_SMUGGLED("trafficked_smuggled", "Trafficked/smuggled"),
    STATELESSNESS("statelessness", "Statelessness"),
    ARRESTED_DETAINED("arrested_detained", "Arrested/Detained"),
    MIGRANT("migrant", "Migrant"),
    DISABLED("disabled", "Disabled"),
    SERIOUS_HEALTH_ISSUE("serious_health_issue", "Serious health issue"),
    REFUGEE("refugee", "Refugee"),
    CAAFAG("caafag", "CAAFAG"),
    STREET_CHILD("street_child", "Street child"),
    CHILD_MOTHER("child_mother", "Child Mother"),
    PHYSICALLY_OR_MENTALLY_ABUSED("physically_or_mentally_abused", "Physically or Mentally Abused"),
    LIVING_WITH_VULNERABLE_PERSON("living_with_vulnerable_person", "Living with vulnerable person"),
    WORST_FORMS_OF_CHILD_LABOR("worst_forms_of_child_labor", "Worst Forms of Child Labor"),
    CHILD_HEADED_HOUSEHOLD("child_headed_household", "Child Headed Household"),
    MENTALLY_DISTRESSED("mentally_distressed", "Mentally Distressed"),
    OTHER("other", "Other");

    private final String id;
    private final String english;

    PrimeroConcern(String id, String english) {
        this.id = id;
        this.english = english;
    }

    /** The lookup value's id in Primero ({@code sexually_exploited}...). */
    public String id() {
        return id;
    }

    /** Primero's English display text. */
    public String english() {
        return english;
    }
}
