package org.rabt.mappings.education;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.rabt.mappings.cpm.Address;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.Attachment;
import org.rabt.mappings.cpm.AttachmentType;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.Certainty;
import org.rabt.mappings.cpm.ChildProtected;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.ChildShared;
import org.rabt.mappings.cpm.Concern;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.Confidentiality;
import org.rabt.mappings.cpm.Consent;
import org.rabt.mappings.cpm.CpmJson;
import org.rabt.mappings.cpm.EntryChannel;
import org.rabt.mappings.cpm.Guardian;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.LegalBasis;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.Pathway;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.cpm.Priority;
import org.rabt.mappings.cpm.PurposeOfUse;
import org.rabt.mappings.cpm.RequestedService;
import org.rabt.mappings.cpm.RiskLevel;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Setting;
import org.rabt.mappings.cpm.Sex;
import org.rabt.mappings.cpm.Status;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The test linkage card the hub sends a school: the Casablanca centre asks a primary school to
 * take back a 12-year-old boy withdrawn from a sewing workshop, under a juvenile judge's order. It
 * carries everything a card can carry — a suspected sexual exploitation, a forensic certificate,
 * a court file number, national and civil-status numbers, an address, a phone, services for
 * labour and health — so that what education must not receive is there to be withheld. Every
 * value is fixed, so documents compare.
 */
final class CasablancaReintegration {

    static final UUID CARD_ID = UUID.fromString("dfb43dd5-a581-4789-9cb7-be7e46cfafed");
    static final String SCHOOL = "École primaire Ibn Toumert, Casablanca";
    static final String MASSAR = "M140233871";
    static final String ADDRESS_LINE = "Derb Sultan, rue 18, n° 4";
    static final String CHILD_PHONE = "+212 600 990 011";
    static final String NATIONAL_ID = "BE908172";
    static final String CIVIL_STATUS_NUMBER = "2231/2014";
    static final String COURT_FILE_NUMBER = "TPI-CAS-2026-4417";
    static final String SCHOOL_REPORT_SHA256 = "ae1dd07535108c2a7724a8b0bcc2b7d0009b38f078aed44f8a04583b52e81bf5";
    static final String FORENSIC_SHA256 = "be52c9ca5b9fb60df62ad6b851f2fa2205be6f43e9f4111ab36f6706aa2c28dc";
    static final String MEDICAL_SHA256 = "e063bd9b0ac843cd20c717c9c66725db8e5d29e859f611e810fd941389541287";
    static final String SOCIAL_REPORT_SHA256 = "029f12a07e7c80697e8fde824eff469eec02c319c0f7405e012841dd52101bc6";
    static final String COURT_DECISION_SHA256 = "ece46b7ebd60054766dc7ac239fc1040102484c0a55a7dabaa3ddfc8bfae415b";
    static final String LABOUR_REASON = "Contrôle de l'atelier de couture de Hay Mohammadi";
    static final String HEALTH_REASON = "Bilan médico-psychologique après exploitation";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CasablancaReintegration() {
    }

    static ChildProtectionMessage cpm() {
        return new ChildProtectionMessage(header(), child(), identity(), concerns(),
                new Pathway(PathwayStage.REHABILITATION_AND_REINTEGRATION, EntryChannel.LABOUR_INSPECTION),
                services(), consent(), attachments(), Status.requested());
    }

    static Header header() {
        return new Header(
                CARD_ID,
                CardType.LINKAGE,
                ChildProtectionMessage.SCHEMA_VERSION,
                "CAS-2026-000932",
                UUID.fromString("62991609-6f49-40d2-83d1-ad3e8bfbb48c"),
                Instant.parse("2026-12-08T09:00:00Z"),
                LocalDate.parse("2026-12-15"),
                Priority.URGENT,
                new Party(SectorId.CENTRE, "Centre d'accompagnement pour la protection de l'enfance de Casablanca",
                        "Cellule des services", "MA-CAS"),
                new Party(SectorId.EDUCATION, SCHOOL, null, "MA-CAS"),
                PurposeOfUse.SCHOOLING,
                LegalBasis.JUDICIAL_ORDER,
                Confidentiality.VERY_RESTRICTED);
    }

    static ChildShared child() {
        return new ChildShared("cas-Hx81LpQ2vN7tR4mZ", Sex.MALE, AgeBand.FROM_10_TO_14, 2014, "MA-CAS", false);
    }

    static ChildProtected identity() {
        return new ChildProtected(
                "Ait Ouahmane",
                "Hamza",
                "آيت واحمان",
                "حمزة",
                LocalDate.parse("2014-02-11"),
                List.of(new Guardian("MTH", "Fatima Ait Ouahmane", "+212 600 778 899")),
                new Address(ADDRESS_LINE, "Casablanca", "MA-CAS"),
                CHILD_PHONE,
                NATIONAL_ID,
                CIVIL_STATUS_NUMBER,
                MASSAR,
                COURT_FILE_NUMBER);
    }

    static List<Concern> concerns() {
        return List.of(
                new Concern(ConcernCode.CHILD_LABOUR, Certainty.CONFIRMED, Setting.WORKPLACE, RiskLevel.HIGH, false),
                new Concern(ConcernCode.SEXUAL_EXPLOITATION, Certainty.SUSPECTED, Setting.WORKPLACE, RiskLevel.HIGH,
                        true));
    }

    static List<RequestedService> services() {
        return List.of(
                new RequestedService("school-reintegration", new Party(SectorId.EDUCATION, SCHOOL, null, "MA-CAS"),
                        "Retiré d'un atelier de couture le 20 novembre ; réinscription en 5e année primaire et"
                                + " soutien scolaire.",
                        LocalDate.parse("2026-12-15")),
                new RequestedService("labour-follow-up", new Party(SectorId.LABOUR, "Inspection du travail de"
                        + " Casablanca-Anfa", null, "MA-CAS"), LABOUR_REASON, LocalDate.parse("2026-12-20")),
                new RequestedService("psychological-care", new Party(SectorId.HEALTH, "Hôpital d'enfants Abderrahim"
                        + " Harouchi", "Pédopsychiatrie", "MA-CAS"), HEALTH_REASON, null));
    }

    static Consent consent() {
        return new Consent("MTH", Instant.parse("2026-12-01T10:00:00Z"),
                List.of(SectorId.CENTRE, SectorId.EDUCATION, SectorId.HEALTH, SectorId.LABOUR), null);
    }

    static List<Attachment> attachments() {
        return List.of(
                new Attachment(AttachmentType.SCHOOL_REPORT, "Bulletin scolaire 2024-2025", "application/pdf", 91_234,
                        SCHOOL_REPORT_SHA256),
                new Attachment(AttachmentType.FORENSIC_CERTIFICATE, "Certificat médico-légal", "application/pdf",
                        184_320, FORENSIC_SHA256),
                new Attachment(AttachmentType.MEDICAL_CERTIFICATE, "Certificat médical", "application/pdf", 52_004,
                        MEDICAL_SHA256),
                new Attachment(AttachmentType.SOCIAL_REPORT, "Rapport social", "application/pdf", 130_551,
                        SOCIAL_REPORT_SHA256),
                new Attachment(AttachmentType.COURT_DECISION, "Ordonnance du juge des mineurs", "application/pdf",
                        77_310, COURT_DECISION_SHA256));
    }

    /**
     * The card with one value replaced, addressed by its JSON pointer in the CPM's JSON form
     * ({@code /header/priority}, {@code /concerns/0/code}): shorter than rebuilding a record for
     * every enum constant.
     */
    static ChildProtectionMessage with(ChildProtectionMessage cpm, String pointer, Object value) {
        JsonNode tree = JSON.readTree(CpmJson.write(cpm));
        JsonPointer path = JsonPointer.compile(pointer);
        ObjectNode parent = (ObjectNode) tree.at(path.head());
        parent.set(path.last().getMatchingProperty(), JSON.valueToTree(value));
        return CpmJson.read(JSON.writeValueAsString(tree));
    }
}
