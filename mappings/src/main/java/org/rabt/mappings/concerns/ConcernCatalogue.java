package org.rabt.mappings.concerns;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.rabt.mappings.cpm.ConcernCode;

/**
 * The hub's code system for forms of harm ({@link ConcernCode}, {@value ConcernCode#SYSTEM}):
 * each code with its Arabic, French and English labels, its ICVAC top-level category (for the
 * national and international figures) and its Primero protection concern (for exchanges with a
 * Primero deployment). {@code docs/concerns.md} is the same table with the reasons; the FHIR
 * CodeSystem {@code concerns/concern-codesystem.json} carries it to FHIR terminology servers.
 */
public final class ConcernCatalogue {

    /** One code of the system and everything the hub knows of it. */
    public record Entry(ConcernCode code, String arabic, String french, String english, IcvacCategory icvac,
                        PrimeroConcern primero) {
    }

    /** The class-path location of the FHIR CodeSystem. */
    public static final String CODE_SYSTEM_RESOURCE = "/concerns/concern-codesystem.json";

    private static final List<Entry> ENTRIES = Arrays.stream(ConcernCode.values()).map(ConcernCatalogue::entry)
            .toList();

    private ConcernCatalogue() {
    }

    /** Every code, in the order of {@link ConcernCode}. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static Entry entry(ConcernCode code) {
        Objects.requireNonNull(code, "code");
        return new Entry(code, code.arabic(), code.french(), code.english(), icvac(code), primero(code));
    }

    /** The label in {@code language}: {@code ar}, {@code fr} or {@code en}. */
    public static String label(ConcernCode code, String language) {
        return switch (language) {
            case "ar" -> code.arabic();
            case "fr" -> code.french();
            case "en" -> code.english();
            default -> throw new IllegalArgumentException("the concern labels are in ar, fr and en, not " + language);
        };
    }

    /**
     * The ICVAC category an act of this kind is counted under. Exploitation, trafficking, child
     * marriage and forced begging have no category of their own in ICVAC's top level: they are
     * counted as "other acts", unless the act itself was sexual (sexual exploitation is sexual
     * violence). Situations of risk that are not acts of violence (a child in the street, out of
     * school, without civil registration) are counted as neglect: the failure of those
     * responsible to provide for the child's needs. The masked {@code protection-concern} is
     * "other": its nature is withheld, and statistics are made from the unmasked codes.
     */
    public static IcvacCategory icvac(ConcernCode code) {
        return switch (code) {
            case PHYSICAL_VIOLENCE -> IcvacCategory.PHYSICAL_VIOLENCE;
            case SEXUAL_VIOLENCE, SEXUAL_EXPLOITATION -> IcvacCategory.SEXUAL_VIOLENCE;
            case PSYCHOLOGICAL_VIOLENCE, ONLINE_ABUSE -> IcvacCategory.PSYCHOLOGICAL_VIOLENCE;
            case NEGLECT, ABANDONMENT, STREET_SITUATION, SCHOOL_DROPOUT, NO_CIVIL_REGISTRATION -> IcvacCategory.NEGLECT;
            case CHILD_LABOUR, ECONOMIC_EXPLOITATION, TRAFFICKING, CHILD_MARRIAGE, BEGGING, PROTECTION_CONCERN ->
                    IcvacCategory.OTHER;
        };
    }

    /**
     * The Primero protection concern of Primero's default lookup. Where Primero has no value of
     * its own (neglect, abandonment, child marriage, school dropout), {@code other}: a deployment
     * that added such values can refine the mapping on its side.
     */
    public static PrimeroConcern primero(ConcernCode code) {
        return switch (code) {
            case PHYSICAL_VIOLENCE, PSYCHOLOGICAL_VIOLENCE, ONLINE_ABUSE -> PrimeroConcern.PHYSICALLY_OR_MENTALLY_ABUSED;
            case SEXUAL_VIOLENCE -> PrimeroConcern.GBV_SURVIVOR;
            case SEXUAL_EXPLOITATION -> PrimeroConcern.SEXUALLY_EXPLOITED;
            case CHILD_LABOUR, ECONOMIC_EXPLOITATION, BEGGING -> PrimeroConcern.WORST_FORMS_OF_CHILD_LABOR;
            case TRAFFICKING -> PrimeroConcern.TRAFFICKED_SMUGGLED;
            case STREET_SITUATION -> PrimeroConcern.STREET_CHILD;
            case NO_CIVIL_REGISTRATION -> PrimeroConcern.STATELESSNESS;
            case NEGLECT, ABANDONMENT, CHILD_MARRIAGE, SCHOOL_DROPOUT, PROTECTION_CONCERN -> PrimeroConcern.OTHER;
        };
    }
}
