package org.rabt.mappings;

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
import org.rabt.mappings.cpm.TaskStatus;

/**
 * A test card that carries every sensitive value the CPM can hold — the full identity with school
 * code and court file number, a sexual-violence concern, a forensic certificate and a school
 * report, services asked of two sectors, free texts — under a judicial order, so minimisation tests
 * can look for each value in the bytes a sector receives. Each value is distinctive enough that
 * finding it in a document means it leaked.
 */
public final class CardCarryingEverything {

    public static final String FAMILY_NAME_LATIN = "Zerhouni";
    public static final String GIVEN_NAME_LATIN = "Rania";
    public static final String FAMILY_NAME_ARABIC = "الزرهوني";
    public static final String GIVEN_NAME_ARABIC = "رانية";
    public static final String BIRTH_DATE = "2013-07-19";
    public static final String GUARDIAN_NAME = "Latifa Chraibi";
    public static final String GUARDIAN_PHONE = "+212 661 907 514";
    public static final String ADDRESS_LINE = "Hay Salam, bloc 4, n° 28";
    public static final String CHILD_PHONE = "+212 700 118 442";
    public static final String NATIONAL_ID = "JK905512";
    public static final String CIVIL_STATUS_NUMBER = "4471/2013";
    public static final String SCHOOL_CODE = "J130044871";
    public static final String COURT_FILE_NUMBER = "2026/2101/907";
    public static final String FORENSIC_SHA256 = "5f0c4a7e1d2b3c9a8e7f6d5c4b3a29180706f5e4d3c2b1a09f8e7d6c5b4a3928";
    public static final String SCHOOL_REPORT_SHA256 = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";
    public static final String SERVICE_REASON = "Examen médico-légal après signalement d'attouchements";
    public static final String OUTCOME = "Certificat médico-légal délivré, lésions compatibles";
    public static final String BUSINESS_STATUS = "Examen réalisé par le médecin légiste";

    private CardCarryingEverything() {
    }

    /** The card, addressed to {@code receiver}, sent by the centre. */
    public static ChildProtectionMessage addressedTo(SectorId receiver) {
        Header header = new Header(UUID.fromString("6e1f0c2a-9b7d-4f3e-8a21-5c4d3b2a1f09"), CardType.LINKAGE,
                ChildProtectionMessage.SCHEMA_VERSION, "CAS-2026-001204", UUID.fromString(
                        "0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f"), Instant.parse("2026-12-04T08:15:00Z"),
                LocalDate.parse("2026-12-11"), Priority.URGENT,
                new Party(SectorId.CENTRE, "Centre d'accompagnement pour la protection de l'enfance de Casablanca",
                        "Cellule des services", "MA-CAS"),
                new Party(receiver, null, null, "MA-CAS"), PurposeOfUse.CHILD_PROTECTION, LegalBasis.JUDICIAL_ORDER,
                Confidentiality.VERY_RESTRICTED);
        ChildShared child = new ChildShared("cas-Qm81Zt4Lw9Hx2Rb7", Sex.FEMALE, AgeBand.FROM_10_TO_14, 2013, "MA-CAS",
                false);
        ChildProtected identity = new ChildProtected(FAMILY_NAME_LATIN, GIVEN_NAME_LATIN, FAMILY_NAME_ARABIC,
                GIVEN_NAME_ARABIC, LocalDate.parse(BIRTH_DATE), List.of(new Guardian("MTH", GUARDIAN_NAME,
                        GUARDIAN_PHONE)), new Address(ADDRESS_LINE, "Casablanca", "MA-CAS"), CHILD_PHONE, NATIONAL_ID,
                CIVIL_STATUS_NUMBER, SCHOOL_CODE, COURT_FILE_NUMBER);
        List<Concern> concerns = List.of(
                new Concern(ConcernCode.SEXUAL_VIOLENCE, Certainty.CONFIRMED, Setting.FAMILY, RiskLevel.HIGH, true),
                new Concern(ConcernCode.SEXUAL_EXPLOITATION, Certainty.SUSPECTED, Setting.ONLINE, RiskLevel.HIGH,
                        false),
                new Concern(ConcernCode.NEGLECT, Certainty.SUSPECTED, Setting.FAMILY, RiskLevel.MEDIUM, false));
        List<RequestedService> services = List.of(
                new RequestedService("forensic-examination", new Party(SectorId.HEALTH, null, null, "MA-CAS"),
                        SERVICE_REASON, LocalDate.parse("2026-12-05")),
                new RequestedService("caller-feedback", new Party(receiver, null, null, "MA-CAS"), null, null));
        List<Attachment> attachments = List.of(
                new Attachment(AttachmentType.FORENSIC_CERTIFICATE, "Certificat médico-légal", "application/pdf",
                        120_044, FORENSIC_SHA256),
                new Attachment(AttachmentType.SCHOOL_REPORT, "Rapport de l'établissement scolaire", "application/pdf",
                        40_960, SCHOOL_REPORT_SHA256));
        Consent consent = new Consent("MTH", Instant.parse("2026-12-03T17:00:00Z"),
                List.of(SectorId.HEALTH, SectorId.JUSTICE, SectorId.CENTRE), null);
        return new ChildProtectionMessage(header, child, identity, concerns,
                new Pathway(PathwayStage.IMMEDIATE_ASSISTANCE, EntryChannel.FREE_LINE), services, consent, attachments,
                new Status(TaskStatus.IN_PROGRESS, BUSINESS_STATUS, OUTCOME));
    }
}
