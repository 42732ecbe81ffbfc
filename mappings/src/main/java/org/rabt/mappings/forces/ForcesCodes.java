package org.rabt.mappings.forces;

import java.util.function.Function;
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
 * The code tables CPM code -> French code of the forces' card. Each table is a switch expression
 * without a default branch, so a constant added to a CPM enum breaks the build here instead of
 * reaching a commissariat as an unknown code. Each table is one-to-one, so the inbound direction
 * reverses it ({@link #fromFrench}). The French codes are the justice card's, so the prosecutor
 * and the forces read the same words, except where the forces' own word differs: a
 * procès-verbal is a {@code proces-verbal} here, whichever force wrote it.
 */
final class ForcesCodes {

    private ForcesCodes() {
    }

    /**
     * The CPM constant whose French code is {@code code}. The schema has already checked the code,
     * so a miss means the schema and the table disagree; it is still reported as the sender's
     * invalid value, naming the field.
     */
    static <E extends Enum<E>> E fromFrench(Class<E> type, Function<E, String> table, String code, String field) {
        if (code == null) {
            return null;
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            String french = table.apply(constant);
            if (french.equals(code)) {
                return constant;
            }
            allowed.append(allowed.length() == 0 ? "" : ", ").append(french);
        }
        throw MappingException.invalid(field, "'" + code + "' is not one of " + allowed);
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

    static String finalite(PurposeOfUse purpose) {
        return switch (purpose) {
            case CHILD_PROTECTION -> "protection-enfance";
            case MEDICAL_CARE -> "soins-medicaux";
            case LEGAL_PROTECTION -> "protection-judiciaire";
            case SCHOOLING -> "scolarisation";
            case LABOUR_WITHDRAWAL -> "retrait-travail";
            case SOCIAL_SUPPORT -> "accompagnement-social";
        };
    }

    static String baseLegale(LegalBasis basis) {
        return switch (basis) {
            case CONSENT -> "consentement";
            case JUDICIAL_ORDER -> "ordonnance-judiciaire";
            case BEST_INTEREST -> "interet-superieur";
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

    static String trancheAge(AgeBand band) {
        return switch (band) {
            case UNDER_5 -> "0-4";
            case FROM_5_TO_9 -> "5-9";
            case FROM_10_TO_14 -> "10-14";
            case FROM_15_TO_17 -> "15-17";
            case ADULT -> "18+";
            case UNKNOWN -> "inconnue";
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
            case PROTECTION_CONCERN -> "situation-de-protection";
        };
    }

    static String certitude(Certainty certainty) {
        return switch (certainty) {
            case SUSPECTED -> "suspectee";
            case CONFIRMED -> "confirmee";
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

    static String canalEntree(EntryChannel channel) {
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

    static String typePieceJointe(AttachmentType type) {
        return switch (type) {
            case MEDICAL_CERTIFICATE -> "certificat-medical";
            case FORENSIC_CERTIFICATE -> "certificat-medico-legal";
            case SOCIAL_REPORT -> "rapport-social";
            case POLICE_REPORT -> "proces-verbal";
            case COURT_DECISION -> "decision-judiciaire";
            case SCHOOL_REPORT -> "rapport-scolaire";
            case OTHER -> "autre";
        };
    }

    /** Who consented: {@code child} in the CPM is {@code enfant} here; a guardian's RoleCode is kept as is. */
    static String donnePar(String givenBy) {
        return "child".equals(givenBy) ? "enfant" : givenBy;
    }

    static String givenBy(String donnePar) {
        return "enfant".equals(donnePar) ? "child" : donnePar;
    }
}
