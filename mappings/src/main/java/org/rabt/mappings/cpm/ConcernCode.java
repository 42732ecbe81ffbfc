package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The local code system for forms of harm ({@value #SYSTEM}), with Arabic, French and English
 * labels. Every sector's codes map onto these.
 */
public enum ConcernCode implements Coded {
    PHYSICAL_VIOLENCE("physical-violence", "عنف جسدي", "Violence physique", "Physical violence"),
    SEXUAL_VIOLENCE("sexual-violence", "عنف جنسي", "Violence sexuelle", "Sexual violence"),
    PSYCHOLOGICAL_VIOLENCE("psychological-violence", "عنف نفسي", "Violence psychologique", "Psychological violence"),
    NEGLECT("neglect", "إهمال", "Négligence", "Neglect"),
    ABANDONMENT("abandonment", "تخل عن الطفل", "Abandon", "Abandonment"),
    CHILD_LABOUR("child-labour", "تشغيل الأطفال", "Travail des enfants", "Child labour"),
    ECONOMIC_EXPLOITATION("economic-exploitation", "استغلال اقتصادي", "Exploitation économique", "Economic exploitation"),
    SEXUAL_EXPLOITATION("sexual-exploitation", "استغلال جنسي", "Exploitation sexuelle", "Sexual exploitation"),
    TRAFFICKING("trafficking", "الاتجار بالأطفال", "Traite des enfants", "Child trafficking"),
    CHILD_MARRIAGE("child-marriage", "تزويج الأطفال", "Mariage d'enfants", "Child marriage"),
    BEGGING("begging", "استغلال في التسول", "Exploitation par la mendicité", "Forced begging"),
    STREET_SITUATION("street-situation", "طفل في وضعية الشارع", "Enfant en situation de rue", "Child in a street situation"),
    SCHOOL_DROPOUT("school-dropout", "الانقطاع عن الدراسة", "Abandon scolaire", "School dropout"),
    ONLINE_ABUSE("online-abuse", "عنف رقمي", "Violence en ligne", "Online abuse"),
    NO_CIVIL_REGISTRATION("no-civil-registration", "عدم التسجيل في الحالة المدنية", "Absence d'inscription à l'état civil", "No civil registration"),
    /**
     * A protection concern whose nature is withheld from the receiver (minimisation): what
     * education or labour inspection receive in place of, e.g., sexual violence.
     */
    PROTECTION_CONCERN("protection-concern", "حالة حماية", "Situation de protection", "Protection concern");

    public static final String SYSTEM = "https://rabt.ma/fhir/CodeSystem/concern";

    private final String code;
    private final String arabic;
    private final String french;
    private final String english;

    ConcernCode(String code, String arabic, String french, String english) {
        this.code = code;
        this.arabic = arabic;
        this.french = french;
        this.english = english;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public String arabic() {
        return arabic;
    }

    public String french() {
        return french;
    }

    public String english() {
        return english;
    }

    @JsonCreator
    public static ConcernCode fromCode(String code) {
        return Coded.parse(ConcernCode.class, code, "concerns.code");
    }
}
