package org.rabt.mappings.forces;

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

/**
 * A card from the centre of Salé that carries everything the CPM can hold — every identity field,
 * sexual violence, a document of every type, services for three sectors — addressed to one
 * force, to check on the wire what that force may and may not receive. Every sensitive value is
 * distinctive, so a search of the bytes cannot match by accident.
 */
public final class EverythingCard {

    public static final String NATIONAL_ID = "AB123456";
    public static final String CIVIL_STATUS_NUMBER = "771/2012";
    public static final String SCHOOL_CODE = "R139087654";
    public static final String COURT_FILE_NUMBER = "2026/2101/118";
    public static final String ADDRESS_LINE = "Hay Salam, rue 7, n° 41";
    public static final String CHILD_PHONE = "+212 600 112 233";
    public static final String GUARDIAN_NAME = "Zahra Moutawakil";

    public static final String FOR_THE_FORCE = "Localiser la famille et escorter l'enfant jusqu'au centre";
    public static final String FOR_HEALTH = "Examen pédopsychiatrique de suivi";
    public static final String FOR_JUSTICE = "Information du juge des mineurs";

    public static final String MEDICAL_SHA = sha('1');
    public static final String FORENSIC_SHA = sha('2');
    public static final String SOCIAL_SHA = sha('3');
    public static final String POLICE_REPORT_SHA = sha('4');
    public static final String COURT_DECISION_SHA = sha('5');
    public static final String SCHOOL_REPORT_SHA = sha('6');
    public static final String OTHER_SHA = sha('7');

    private EverythingCard() {
    }

    public static ChildProtectionMessage to(SectorId force, LegalBasis legalBasis) {
        Header header = new Header(UUID.fromString("42a34202-6409-46d4-a571-ced8634ee7d3"), CardType.LINKAGE,
                ChildProtectionMessage.SCHEMA_VERSION, "SAL-2026-000871",
                UUID.fromString("bf66d241-c4bb-46bc-a992-0a811f1636eb"), Instant.parse("2026-12-01T09:15:00Z"),
                LocalDate.parse("2026-12-03"), Priority.URGENT,
                new Party(SectorId.CENTRE, "Centre d'accompagnement de la protection de l'enfance de Salé",
                        "Cellule des services", "MA-SAL"),
                new Party(force, organisation(force), unit(force), "MA-SAL"),
                PurposeOfUse.CHILD_PROTECTION, legalBasis, Confidentiality.VERY_RESTRICTED);
        ChildShared child = new ChildShared("sal-9Tq4Wn7Kx2Lp5Rz8", Sex.FEMALE, AgeBand.FROM_10_TO_14, 2012, "MA-SAL",
                true);
        ChildProtected identity = new ChildProtected("Moutawakil", "Imane", "المتوكل", "إيمان",
                LocalDate.parse("2012-04-17"), List.of(new Guardian("MTH", GUARDIAN_NAME, "+212 655 443 322")),
                new Address(ADDRESS_LINE, "Salé", "MA-SAL"), CHILD_PHONE, NATIONAL_ID, CIVIL_STATUS_NUMBER,
                SCHOOL_CODE, COURT_FILE_NUMBER);
        List<Concern> concerns = List.of(
                new Concern(ConcernCode.SEXUAL_VIOLENCE, Certainty.CONFIRMED, Setting.FAMILY, RiskLevel.HIGH, true),
                new Concern(ConcernCode.SCHOOL_DROPOUT, Certainty.CONFIRMED, Setting.SCHOOL, RiskLevel.MEDIUM, false));
        List<RequestedService> services = List.of(
                new RequestedService("family-tracing", new Party(force, null, unit(force), "MA-SAL"),
                        FOR_THE_FORCE, LocalDate.parse("2026-12-03")),
                new RequestedService("psychological-care", Party.of(SectorId.HEALTH), FOR_HEALTH, null),
                new RequestedService("judicial-protection", Party.of(SectorId.JUSTICE), FOR_JUSTICE, null));
        Consent consent = new Consent("MTH", Instant.parse("2026-11-30T10:00:00Z"),
                List.of(SectorId.CENTRE, force, SectorId.HEALTH, SectorId.JUSTICE), null);
        List<Attachment> attachments = List.of(
                new Attachment(AttachmentType.MEDICAL_CERTIFICATE, "Certificat médical", "application/pdf", 1, MEDICAL_SHA),
                new Attachment(AttachmentType.FORENSIC_CERTIFICATE, "Certificat médico-légal", "application/pdf", 2,
                        FORENSIC_SHA),
                new Attachment(AttachmentType.SOCIAL_REPORT, "Rapport social", "application/pdf", 3, SOCIAL_SHA),
                new Attachment(AttachmentType.POLICE_REPORT, "Procès-verbal", "application/pdf", 4, POLICE_REPORT_SHA),
                new Attachment(AttachmentType.COURT_DECISION, "Ordonnance", "application/pdf", 5, COURT_DECISION_SHA),
                new Attachment(AttachmentType.SCHOOL_REPORT, "Rapport scolaire", "application/pdf", 6, SCHOOL_REPORT_SHA),
                new Attachment(AttachmentType.OTHER, "Autre", "application/pdf", 7, OTHER_SHA));
        return new ChildProtectionMessage(header, child, identity, concerns,
                new Pathway(PathwayStage.ACCOMPANIMENT_AND_CARE, EntryChannel.CENTRE), services, consent, attachments,
                Status.requested());
    }

    private static String organisation(SectorId force) {
        return force == SectorId.POLICE ? "Sûreté nationale — Préfecture de police de Salé"
                : "Gendarmerie royale — Compagnie de Salé";
    }

    private static String unit(SectorId force) {
        return force == SectorId.POLICE ? "Brigade des mineurs" : "Brigade territoriale de Sidi Bouknadel";
    }

    private static String sha(char digit) {
        return String.valueOf(digit).repeat(64);
    }
}
