package org.rabt.mappings.freeline;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.Confidentiality;
import org.rabt.mappings.cpm.Priority;
import org.rabt.mappings.cpm.RiskLevel;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Setting;
import org.rabt.mappings.cpm.Sex;

/**
 * The code tables CPM code -> French code of the line's documents. The words are those of the
 * justice card, so that a listening cell and a court registry read the same codes; the tables are
 * the line's own all the same, so that neither format changes under the other. Each is a switch
 * without a default branch (a new CPM constant does not compile until it has its code here and in
 * the schemas) and one-to-one, so {@link #fromFrench} reads them backwards.
 */
final class FreelineCodes {

    private FreelineCodes() {
    }

    static String secteur(SectorId sector) {
        return switch (sector) {
            case HEALTH -> "sante";
            case JUSTICE -> "justice";
            case EDUCATION -> "education";
            case LABOUR -> "travail";
            case POLICE -> "police";
            case GENDARMERIE -> "gendarmerie";
            case SOCIAL -> "social";
            case FREELINE -> "ligne-ecoute";
            case CENTRE -> "centre";
        };
    }

    static String typeCarte(CardType type) {
        return switch (type) {
            case REPORTING -> "signalement";
            case LINKAGE -> "liaison";
            case FOLLOW_UP -> "suivi";
            case EVALUATION -> "evaluation";
        };
    }

    static String priorite(Priority priority) {
        return switch (priority) {
            case ROUTINE -> "normale";
            case URGENT -> "urgente";
            case ASAP -> "tres-urgente";
            case STAT -> "immediate";
        };
    }

    static String confidentialite(Confidentiality confidentiality) {
        return switch (confidentiality) {
            case NORMAL -> "normale";
            case RESTRICTED -> "restreinte";
            case VERY_RESTRICTED -> "tres-restreinte";
        };
    }

    static String sexe(Sex sex) {
        return switch (sex) {
            case FEMALE -> "F";
            case MALE -> "M";
            case OTHER -> "autre";
            case UNKNOWN -> "inconnu";
        };
    }

    static String motif(ConcernCode concern) {
        return switch (concern) {
            case PHYSICAL_VIOLENCE -> "violence-physique";
            case SEXUAL_VIOLENCE -> "violence-sexuelle";
            case PSYCHOLOGICAL_VIOLENCE -> "violence-psychologique";
            case NEGLECT -> "negligence";
            case ABANDONMENT -> "abandon";
            case CHILD_LABOUR -> "travail-enfants";
            case ECONOMIC_EXPLOITATION -> "exploitation-economique";
            case SEXUAL_EXPLOITATION -> "exploitation-sexuelle";
            case TRAFFICKING -> "traite-enfants";
            case CHILD_MARRIAGE -> "mariage-enfants";
            case BEGGING -> "mendicite";
            case STREET_SITUATION -> "situation-de-rue";
            case SCHOOL_DROPOUT -> "abandon-scolaire";
            case ONLINE_ABUSE -> "violence-en-ligne";
            case NO_CIVIL_REGISTRATION -> "defaut-etat-civil";
            // A caller who cannot or will not say what is happening, only that the child is in danger.
            case PROTECTION_CONCERN -> "situation-de-protection";
        };
    }

    static String cadre(Setting setting) {
        return switch (setting) {
            case FAMILY -> "famille";
            case SCHOOL -> "ecole";
            case WORKPLACE -> "lieu-de-travail";
            case STREET -> "rue";
            case INSTITUTION -> "institution";
            case COMMUNITY -> "communaute";
            case ONLINE -> "en-ligne";
            case OTHER -> "autre";
            case UNKNOWN -> "inconnu";
        };
    }

    static String niveauRisque(RiskLevel risk) {
        return switch (risk) {
            case LOW -> "faible";
            case MEDIUM -> "moyen";
            case HIGH -> "eleve";
        };
    }

    /**
     * The CPM constant whose French code is {@code french}, through the outbound table.
     *
     * @param field the member's location, named when no constant matches
     */
    static <E extends Enum<E>> E fromFrench(Class<E> type, Function<E, String> table, String french, String field) {
        for (E constant : type.getEnumConstants()) {
            if (table.apply(constant).equals(french)) {
                return constant;
            }
        }
        // The schema enumerates the same codes, so only a table and a schema out of step reach this.
        throw MappingException.invalid(field, "'" + french + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(table).collect(Collectors.joining(", ")));
    }
}
