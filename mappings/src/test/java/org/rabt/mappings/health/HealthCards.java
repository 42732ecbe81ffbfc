package org.rabt.mappings.health;

import java.time.LocalDate;
import java.util.List;
import org.rabt.mappings.cpm.Address;
import org.rabt.mappings.cpm.Attachment;
import org.rabt.mappings.cpm.AttachmentType;
import org.rabt.mappings.cpm.Certainty;
import org.rabt.mappings.cpm.ChildProtected;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Concern;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.Guardian;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.RequestedService;
import org.rabt.mappings.cpm.RiskLevel;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Setting;
import org.rabt.mappings.cpm.CpmJson;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cards addressed to health, made from the health examples by turning them round: the receiver
 * becomes the sender and health the receiver, so that each example can go out to health and come
 * back through the inbound profile.
 */
final class HealthCards {

    /** The hub's pseudonym of the child in every outbound test card. */
    static final String PSEUDONYM = "tng-7Qx2Lm9PzR4vK8wB";
    static final String SCHOOL_CODE = "J134521876";
    static final String COURT_FILE_NUMBER = "TPI-TNG-2026-1187-MIN";
    static final String NATIONAL_ID = "K482917";
    static final String SCHOOL_REPORT_SHA256 = "5d41402abc4b2a76b9719d911017c592aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    static final String POLICE_REPORT_SHA256 = "1e4a1b03d1b6cd8a174a826f76e009f4bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HealthCards() {
    }

    /** An example of health's, as the CPM the inbound mapper makes of it. */
    static ChildProtectionMessage example(String name) {
        return HealthExamples.mapper().toCpm(HealthExamples.example(name));
    }

    /**
     * The card turned round: sent by its receiver to health (the example's sender), every service
     * now asked of health, with the hub's pseudonym — a card the hub could dispatch to health.
     */
    static ChildProtectionMessage addressedToHealth(ChildProtectionMessage cpm) {
        Header header = cpm.header();
        Party health = header.sender();
        Header turned = new Header(header.messageId(), header.cardType(), header.schemaVersion(),
                header.caseReference(), header.correlationId(), header.sentAt(), header.dueBy(), header.priority(),
                header.receiver(), health, header.purposeOfUse(), header.legalBasis(), header.confidentiality());
        List<RequestedService> services = cpm.requestedServices().stream()
                .map(s -> new RequestedService(s.serviceCode(), health, s.reason(), s.dueDate()))
                .toList();
        return new ChildProtectionMessage(turned, cpm.child(), cpm.childProtected(), cpm.concerns(), cpm.pathway(),
                services, cpm.consent(), cpm.attachments(), cpm.status()).withPseudonym(PSEUDONYM);
    }

    /**
     * The same parties with other sectors: what the inbound profile reads from a Bundle whose
     * MessageHeader endpoints were swapped (organisations, services and provinces stay in place).
     * The requested services' targets follow the receiver.
     */
    static ChildProtectionMessage withSectors(ChildProtectionMessage cpm, SectorId sender, SectorId receiver) {
        Header header = cpm.header();
        Header changed = new Header(header.messageId(), header.cardType(), header.schemaVersion(),
                header.caseReference(), header.correlationId(), header.sentAt(), header.dueBy(), header.priority(),
                sector(header.sender(), sender), sector(header.receiver(), receiver), header.purposeOfUse(),
                header.legalBasis(), header.confidentiality());
        List<RequestedService> services = cpm.requestedServices().stream()
                .map(s -> new RequestedService(s.serviceCode(), sector(s.target(), receiver), s.reason(), s.dueDate()))
                .toList();
        return new ChildProtectionMessage(changed, cpm.child(), cpm.childProtected(), cpm.concerns(), cpm.pathway(),
                services, cpm.consent(), cpm.attachments(), cpm.status());
    }

    private static Party sector(Party party, SectorId sector) {
        return new Party(sector, party.organisation(), party.service(), party.provinceCode());
    }

    /**
     * A Bundle the hub wrote for health, as if health sent it on to {@code receiver}: source and
     * destination endpoints swapped, nothing else touched. The inbound profile accepts only cards
     * from health, so this is how an outbound Bundle is read back through it.
     */
    static byte[] sentOnByHealth(byte[] bundle, SectorId receiver) {
        ObjectNode tree = (ObjectNode) JSON.readTree(bundle);
        ObjectNode messageHeader = (ObjectNode) tree.at("/entry/0/resource");
        ((ObjectNode) messageHeader.get("source")).put("endpoint", RabtFhir.SECTOR_ENDPOINT_PREFIX + "health");
        ((ObjectNode) messageHeader.get("destination").get(0)).put("endpoint",
                RabtFhir.SECTOR_ENDPOINT_PREFIX + receiver.code());
        return JSON.writeValueAsBytes(tree);
    }

    /**
     * The prosecutor example turned to health, with everything a card can carry that health must
     * not see: the school code and the court file number, a school report and a police report; and
     * what health may see: a national id, the forensic certificate, a sexual-violence concern.
     */
    static ChildProtectionMessage carryingEverything() {
        ChildProtectionMessage cpm = addressedToHealth(example(HealthExamples.PROSECUTOR));
        ChildProtected identity = cpm.childProtected();
        ChildProtected full = new ChildProtected(identity.familyNameLatin(), identity.givenNameLatin(),
                identity.familyNameArabic(), identity.givenNameArabic(), identity.birthDate(),
                List.of(new Guardian("MTH", "Naima Bouzid", "+212 6 61 23 45 78"),
                        new Guardian("GRMTH", "Zineb El Amrani", null)),
                new Address("Bni Makada, rue 23, n° 14", "Tanger", "MA-TNG"), "+212 6 70 00 11 22", NATIONAL_ID,
                identity.civilStatusNumber(), SCHOOL_CODE, COURT_FILE_NUMBER);
        List<Concern> concerns = List.of(cpm.concerns().get(0),
                new Concern(ConcernCode.SEXUAL_VIOLENCE, Certainty.SUSPECTED, Setting.FAMILY, RiskLevel.HIGH, true));
        List<Attachment> attachments = List.of(cpm.attachments().get(0),
                new Attachment(AttachmentType.SCHOOL_REPORT, "Rapport du directeur du collège", "application/pdf",
                        40_960, SCHOOL_REPORT_SHA256),
                new Attachment(AttachmentType.POLICE_REPORT, "Procès-verbal d'audition", "application/pdf", 81_920,
                        POLICE_REPORT_SHA256));
        List<RequestedService> services = List.of(cpm.requestedServices().get(0),
                new RequestedService("legal-protection", Party.of(SectorId.JUSTICE), "Enquête du parquet",
                        LocalDate.of(2026, 11, 18)));
        return new ChildProtectionMessage(cpm.header(), cpm.child(), full, concerns, cpm.pathway(), services,
                cpm.consent(), attachments, cpm.status());
    }

    /**
     * The card with one value replaced, addressed by its JSON pointer in the CPM's JSON form
     * ({@code /header/priority}, {@code /concerns/0/code}); {@code null} removes the member.
     */
    static ChildProtectionMessage with(ChildProtectionMessage cpm, String pointer, Object value) {
        JsonNode tree = JSON.readTree(CpmJson.write(cpm));
        JsonPointer path = JsonPointer.compile(pointer);
        ObjectNode parent = (ObjectNode) tree.at(path.head());
        if (value == null) {
            parent.remove(path.last().getMatchingProperty());
        } else {
            parent.set(path.last().getMatchingProperty(), JSON.valueToTree(value));
        }
        return CpmJson.read(JSON.writeValueAsString(tree));
    }
}
