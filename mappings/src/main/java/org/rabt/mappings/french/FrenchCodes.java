package org.rabt.mappings.french;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.AttachmentType;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.Certainty;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.Confidentiality;
import org.rabt.mappings.cpm.EntryChannel;
import org.rabt.mappings.cpm.LegalBasis;
import org.rabt.mappings.cpm.Priority;
import org.rabt.mappings.cpm.PurposeOfUse;
import org.rabt.mappings.cpm.RiskLevel;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Setting;
import org.rabt.mappings.cpm.Sex;

/**
 * The French codes of every French-language format of the hub (justice, education, labour
 * inspection, social services, police and gendarmerie, the free line): one table per CPM enum,
 * CPM constant -> French code, so that {@code travail-enfants} or {@code interet-superieur} means
 * the same thing to a court registry, a school and a listening cell. A sector keeps a table of its
 * own only where its word deliberately differs (the forces' {@code proces-verbal}) or where the
 * table exists for it alone (justice's referral status).
 *
 * <p>Each table is a switch expression without a default branch: a constant added to a CPM enum
 * does not compile until it has its French code here (and then in the schemas and the XSD, which
 * each sector's tests compare with these tables). Each table is one-to-one, so {@link #parse}
 * reads a code back by searching the table rather than through a second, hand-kept table that
 * could drift.
 */
public final class FrenchCodes {

    /** Who consented, when it was the child ({@code child} in the CPM); a guardian is an HL7 RoleCode in both. */
    public static final String CHILD_CONSENT = "enfant";

    private FrenchCodes() {
    }

    public static String typeCarte(CardType type) {
        return switch (type) {
            case REPORTING -> "signalement";
            case LINKAGE -> "liaison";
            case FOLLOW_UP -> "suivi";
            case EVALUATION -> "evaluation";
        };
    }

    public static String priorite(Priority priority) {
        return switch (priority) {
            case ROUTINE -> "normale";
            case URGENT -> "urgente";
            case ASAP -> "tres-urgente";
            case STAT -> "immediate";
        };
    }

    public static String secteur(SectorId sector) {
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

    public static String finalite(PurposeOfUse purpose) {
        return switch (purpose) {
            case CHILD_PROTECTION -> "protection-enfance";
            case MEDICAL_CARE -> "soins-medicaux";
            case LEGAL_PROTECTION -> "protection-judiciaire";
            case SCHOOLING -> "scolarisation";
            case LABOUR_WITHDRAWAL -> "retrait-travail";
            case SOCIAL_SUPPORT -> "accompagnement-social";
        };
    }

    public static String baseLegale(LegalBasis basis) {
        return switch (basis) {
            case CONSENT -> "consentement";
            case JUDICIAL_ORDER -> "ordonnance-judiciaire";
            case BEST_INTEREST -> "interet-superieur";
        };
    }

    public static String confidentialite(Confidentiality confidentiality) {
        return switch (confidentiality) {
            case NORMAL -> "normale";
            case RESTRICTED -> "restreinte";
            case VERY_RESTRICTED -> "tres-restreinte";
        };
    }

    public static String sexe(Sex sex) {
        return switch (sex) {
            case FEMALE -> "F";
            case MALE -> "M";
            case OTHER -> "autre";
            case UNKNOWN -> "inconnu";
        };
    }

    public static String trancheAge(AgeBand band) {
        return switch (band) {
            case UNDER_5 -> "0-4";
            case FROM_5_TO_9 -> "5-9";
            case FROM_10_TO_14 -> "10-14";
            case FROM_15_TO_17 -> "15-17";
            case ADULT -> "18+";
            case UNKNOWN -> "inconnue";
        };
    }

    public static String motif(ConcernCode concern) {
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
            case PROTECTION_CONCERN -> "situation-de-protection";
        };
    }

    public static String certitude(Certainty certainty) {
        return switch (certainty) {
            case SUSPECTED -> "suspectee";
            case CONFIRMED -> "confirmee";
        };
    }

    public static String cadre(Setting setting) {
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

    public static String niveauRisque(RiskLevel risk) {
        return switch (risk) {
            case LOW -> "faible";
            case MEDIUM -> "moyen";
            case HIGH -> "eleve";
        };
    }

    public static String canalEntree(EntryChannel channel) {
        return switch (channel) {
            case FREE_LINE -> "ligne-ecoute";
            case LISTENING_CELL -> "cellule-ecoute";
            case MOBILE_TEAM -> "equipe-mobile";
            case HEALTH_FACILITY -> "etablissement-sante";
            case SCHOOL -> "etablissement-scolaire";
            case POLICE -> "police";
            case GENDARMERIE -> "gendarmerie";
            case PROSECUTOR -> "parquet";
            case LABOUR_INSPECTION -> "inspection-travail";
            case SOCIAL_SERVICES -> "services-sociaux";
            case CENTRE -> "centre";
            case SELF_REFERRAL -> "demarche-spontanee";
            case COMMUNITY_REPORT -> "signalement-communautaire";
        };
    }

    public static String typePieceJointe(AttachmentType type) {
        return switch (type) {
            case MEDICAL_CERTIFICATE -> "certificat-medical";
            case FORENSIC_CERTIFICATE -> "certificat-medico-legal";
            case SOCIAL_REPORT -> "rapport-social";
            case POLICE_REPORT -> "proces-verbal-police";
            case COURT_DECISION -> "decision-judiciaire";
            case SCHOOL_REPORT -> "rapport-scolaire";
            case OTHER -> "autre";
        };
    }

    /** Who consented: {@code child} becomes {@value #CHILD_CONSENT}; a guardian's RoleCode ({@code MTH}) is kept. */
    public static String donnePar(String givenBy) {
        return "child".equals(givenBy) ? CHILD_CONSENT : givenBy;
    }

    /** The CPM's {@code givenBy} for a French {@code donnePar}. */
    public static String givenBy(String donnePar) {
        return CHILD_CONSENT.equals(donnePar) ? "child" : donnePar;
    }

    /**
     * The constant whose French code in {@code table} is {@code code}.
     *
     * @throws MappingException {@link org.rabt.mappings.MappingError#INVALID_VALUE} naming {@code field}
     *                          and the allowed codes (a sector schema lists the same codes, so a
     *                          document that passed its schema does not get here)
     */
    public static <E extends Enum<E>> E parse(Class<E> type, Function<E, String> table, String code, String field) {
        for (E constant : type.getEnumConstants()) {
            if (table.apply(constant).equals(code)) {
                return constant;
            }
        }
        throw MappingException.invalid(field, "'" + code + "' is not one of " + String.join(", ", codes(type, table)));
    }

    /** {@link #parse} for an optional member: an absent code is an absent constant. */
    public static <E extends Enum<E>> E parseOrNull(Class<E> type, Function<E, String> table, String code,
            String field) {
        return code == null ? null : parse(type, table, code, field);
    }

    /** Every French code of a table, in the CPM enum's order: what a schema's {@code enum} must list. */
    public static <E extends Enum<E>> List<String> codes(Class<E> type, Function<E, String> table) {
        return Arrays.stream(type.getEnumConstants()).map(table).collect(Collectors.toUnmodifiableList());
    }
}
