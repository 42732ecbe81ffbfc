package org.rabt.mappings.concerns;

/**
 * The top-level categories of UNICEF's International Classification of Violence against Children
 * (ICVAC, 2023), the frame in which the provinces' figures on forms of violence are aggregated
 * nationally and compared internationally.
 */
public enum IcvacCategory {
    VIOLENT_KILLING("1", "Violent killing of a child"),
    PHYSICAL_VIOLENCE("2", "Physical violence against a child"),
    SEXUAL_VIOLENCE("3", "Sexual violence against a child"),
    PSYCHOLOGICAL_VIOLENCE("4", "Psychological violence against a child"),
    NEGLECT("5", "Neglect of a child"),
    OTHER("6", "Other acts of violence against a child not elsewhere classified");

    private final String code;
    private final String english;

    IcvacCategory(String code, String english) {
        this.code = code;
        this.english = english;
    }

    /** The category's number in ICVAC. */
    public String code() {
        return code;
    }

    /** ICVAC's own English name of the category. */
    public String english() {
        return english;
    }
}
