package org.rabt.mappings.justice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.Address;
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
 * The test referral: the regional hospital of Tangier refers a 12-year-old girl with suspected
 * physical violence in the family to the public prosecutor at the Tangier court of first
 * instance, with the forensic certificate attached. Every value is fixed, so documents compare.
 */
final class TangierReferral {

    static final UUID CARD_ID = UUID.fromString("3f6c2a9e-8b1d-4e27-9c55-1a7f0d2b6e84");
    static final UUID REPORTING_CARD_ID = UUID.fromString("b2d4f6a8-1c3e-4a5b-8d7f-9e0a1b2c3d4e");
    static final Instant SENT_AT = Instant.parse("2026-11-29T09:42:17Z");
    static final String FAMILY_NAME_ARABIC = "العمراني";
    static final String GIVEN_NAME_ARABIC = "فاطمة الزهراء";
    static final String SCHOOL_CODE = "90187K";
    static final String CERTIFICATE_SHA256 = "9c1185a5c5e9fc54612808977ee8f548b2258d31f0f3a8e6a5e0c4f7b3d2e1a0";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TangierReferral() {
    }

    static ChildProtectionMessage cpm() {
        return new ChildProtectionMessage(header(), child(), identity(), concerns(), pathway(), requestedServices(),
                consent(), attachments(), Status.requested());
    }

    /** The same referral once minimised for a receiver that may not know who the child is. */
    static ChildProtectionMessage withoutIdentity() {
        return cpm().withoutProtectedPart();
    }

    /** Only what the CPM requires: no optional header field, no identity, no lists, no consent. */
    static ChildProtectionMessage minimal() {
        Header header = new Header(CARD_ID, CardType.LINKAGE, ChildProtectionMessage.SCHEMA_VERSION, null, null,
                SENT_AT, null, Priority.ROUTINE, Party.of(SectorId.HEALTH), Party.of(SectorId.JUSTICE),
                PurposeOfUse.LEGAL_PROTECTION, LegalBasis.BEST_INTEREST, Confidentiality.RESTRICTED);
        ChildShared child = new ChildShared("tng-7Qx2Lm9PzR4vK8wB", Sex.FEMALE, AgeBand.FROM_10_TO_14, null, null,
                null);
        return new ChildProtectionMessage(header, child, null, null, new Pathway(PathwayStage.DETECTION, null), null,
                null, null, Status.requested());
    }

    static Header header() {
        return new Header(
                CARD_ID,
                CardType.LINKAGE,
                ChildProtectionMessage.SCHEMA_VERSION,
                "TNG-2026-000417",
                REPORTING_CARD_ID,
                SENT_AT,
                LocalDate.parse("2026-12-03"),
                Priority.URGENT,
                new Party(SectorId.HEALTH, "Centre hospitalier régional Mohammed V de Tanger",
                        "Unité de prise en charge des femmes et enfants victimes de violence", "MA-TNG"),
                new Party(SectorId.JUSTICE, "Tribunal de première instance de Tanger",
                        "Parquet, cellule de prise en charge des femmes et enfants", "MA-TNG"),
                PurposeOfUse.LEGAL_PROTECTION,
                LegalBasis.BEST_INTEREST,
                Confidentiality.VERY_RESTRICTED);
    }

    static ChildShared child() {
        return new ChildShared("tng-7Qx2Lm9PzR4vK8wB", Sex.FEMALE, AgeBand.FROM_10_TO_14, 2014, "MA-TNG", false);
    }

    static ChildProtected identity() {
        return new ChildProtected(
                "El Amrani",
                "Fatima Zahra",
                FAMILY_NAME_ARABIC,
                GIVEN_NAME_ARABIC,
                LocalDate.parse("2014-03-08"),
                List.of(new Guardian("MTH", "Khadija Benali", "+212 661 234 567")),
                new Address("Derb Bni Ider, rue 12, n° 7", "Tanger", "MA-TNG"),
                null,
                null,
                "1187/2014",
                SCHOOL_CODE,
                null);
    }

    static List<Concern> concerns() {
        return List.of(new Concern(ConcernCode.PHYSICAL_VIOLENCE, Certainty.SUSPECTED, Setting.FAMILY, RiskLevel.HIGH,
                true));
    }

    static Pathway pathway() {
        return new Pathway(PathwayStage.INITIAL_DIAGNOSIS, EntryChannel.HEALTH_FACILITY);
    }

    static List<RequestedService> requestedServices() {
        return List.of(new RequestedService("judicial-protection",
                new Party(SectorId.JUSTICE, "Tribunal de première instance de Tanger", "Parquet", "MA-TNG"),
                "Enquête et mesures de protection : lésions constatées au certificat médico-légal",
                LocalDate.parse("2026-12-03")));
    }

    static Consent consent() {
        return new Consent("MTH", Instant.parse("2026-11-28T16:05:00Z"),
                List.of(SectorId.HEALTH, SectorId.JUSTICE, SectorId.CENTRE), null);
    }

    static List<Attachment> attachments() {
        return List.of(new Attachment(AttachmentType.FORENSIC_CERTIFICATE, "Certificat médico-légal initial",
                "application/pdf", 184_320, CERTIFICATE_SHA256));
    }

    /**
     * The referral with one value replaced, addressed by its JSON pointer in the CPM's JSON form
     * ({@code /header/priority}, {@code /attachments/0/type}): shorter than rebuilding a record of
     * thirteen components for every enum constant.
     */
    static ChildProtectionMessage with(ChildProtectionMessage cpm, String pointer, Object value) {
        JsonNode tree = JSON.readTree(CpmJson.write(cpm));
        JsonPointer path = JsonPointer.compile(pointer);
        ObjectNode parent = (ObjectNode) tree.at(path.head());
        parent.set(path.last().getMatchingProperty(), JSON.valueToTree(value));
        return CpmJson.read(JSON.writeValueAsString(tree));
    }
}
