package org.rabt.mappings.health;

import static org.rabt.mappings.health.FhirValues.coding;
import static org.rabt.mappings.health.FhirValues.codingIn;
import static org.rabt.mappings.health.FhirValues.missing;
import static org.rabt.mappings.health.FhirValues.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Task;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Coded;
import org.rabt.mappings.cpm.Confidentiality;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.LegalBasis;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.Priority;
import org.rabt.mappings.cpm.PurposeOfUse;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Status;
import org.rabt.mappings.cpm.TaskStatus;

/** The CPM header and status, from Bundle, MessageHeader, Task and the Organizations they name. */
final class HeaderMapping {

    static final String MESSAGE_HEADER = "Bundle.entry[MessageHeader]";
    static final String TASK = "Bundle.entry[Task]";
    private static final String ORGANIZATION = "Bundle.entry[Organization]";

    private HeaderMapping() {
    }

    /** The header of a card {@code expectedSender} sent (health, on the exchange API). */
    static Header header(MessageBundle message, Task task, SectorId expectedSender) {
        Bundle bundle = message.bundle();
        MessageHeader messageHeader = message.messageHeader();
        requireOrder(task);
        return new Header(
                cardId(bundle.hasIdentifier() ? bundle.getIdentifier() : null, "Bundle.identifier"),
                cardType(messageHeader),
                ChildProtectionMessage.SCHEMA_VERSION,
                caseReference(task),
                correlationId(task),
                sentAt(bundle),
                dueBy(task).orElse(null),
                priority(task),
                sender(message, messageHeader, expectedSender),
                receiver(message, messageHeader, task),
                purposeOfUse(bundle),
                legalBasis(task),
                confidentiality(bundle));
    }

    static Status status(Task task) {
        if (!task.hasStatus()) {
            throw MappingException.missing(TASK + ".status");
        }
        TaskStatus status = Coded.parse(TaskStatus.class, task.getStatus().toCode(), TASK + ".status");
        String businessStatus = text(task.getBusinessStatus().getText(), 200, TASK + ".businessStatus.text");
        String outcome = text(task.getStatusReason().getText(), 2000, TASK + ".statusReason.text");
        return new Status(status, businessStatus, outcome);
    }

    /** The Task's restriction period end: the date by which the receiver should act. */
    static Optional<LocalDate> dueBy(Task task) {
        if (!task.getRestriction().getPeriod().hasEnd()) {
            return Optional.empty();
        }
        return Optional.of(FhirValues.date(task.getRestriction().getPeriod().getEndElement(),
                TASK + ".restriction.period.end"));
    }

    private static void requireOrder(Task task) {
        if (task.getIntent() != Task.TaskIntent.ORDER) {
            String actual = task.hasIntent() ? task.getIntent().toCode() : "absent";
            throw MappingException.invalid(TASK + ".intent",
                    "must be 'order' (a linkage card asks the receiver to act), it is " + actual);
        }
    }

    /** A card id: {system urn:ietf:rfc:3986, value urn:uuid:...}, used for Bundle.identifier and Task.partOf. */
    private static UUID cardId(Identifier identifier, String field) {
        if (identifier == null || !identifier.hasValue()) {
            throw missing(field, "the card id, as {system urn:ietf:rfc:3986, value urn:uuid:<UUID>}");
        }
        if (!RabtFhir.RFC_3986.equals(identifier.getSystem())) {
            throw MappingException.invalid(field + ".system", "must be " + RabtFhir.RFC_3986 + ", it is "
                    + identifier.getSystem());
        }
        return FhirValues.urnUuid(identifier.getValue(), field + ".value");
    }

    private static CardType cardType(MessageHeader messageHeader) {
        String field = MESSAGE_HEADER + ".eventCoding";
        if (!(messageHeader.getEvent() instanceof Coding event)) {
            throw missing(field, "a coding from " + RabtFhir.CARD_TYPE);
        }
        if (!RabtFhir.CARD_TYPE.equals(event.getSystem())) {
            throw MappingException.invalid(field + ".system", "must be " + RabtFhir.CARD_TYPE);
        }
        return new FhirValues.FoundCoding(event, field).as(CardType.class);
    }

    private static String caseReference(Task task) {
        List<Identifier> identifiers = task.getIdentifier();
        for (int i = 0; i < identifiers.size(); i++) {
            if (RabtFhir.CASE_ID.equals(identifiers.get(i).getSystem())) {
                return text(identifiers.get(i).getValue(), 64, TASK + ".identifier[" + i + "].value");
            }
        }
        return null;
    }

    private static UUID correlationId(Task task) {
        if (!task.hasPartOf()) {
            return null;
        }
        String field = TASK + ".partOf[0].identifier";
        var partOf = task.getPartOf().get(0);
        return cardId(partOf.hasIdentifier() ? partOf.getIdentifier() : null, field);
    }

    private static Instant sentAt(Bundle bundle) {
        if (!bundle.hasTimestamp()) {
            throw MappingException.missing("Bundle.timestamp");
        }
        return FhirValues.instant(bundle.getTimestampElement(), "Bundle.timestamp");
    }

    private static Priority priority(Task task) {
        if (!task.hasPriority()) {
            return Priority.ROUTINE;
        }
        return Coded.parse(Priority.class, task.getPriority().toCode(), TASK + ".priority");
    }

    /**
     * Always the expected sector (health, for a card on the health exchange): the transport has
     * proved who sent the card, so a MessageHeader claiming another source is a defect of the
     * sender's system, not something to map.
     */
    private static Party sender(MessageBundle message, MessageHeader messageHeader, SectorId expected) {
        String field = MESSAGE_HEADER + ".source.endpoint";
        String endpoint = messageHeader.getSource().getEndpoint();
        if (endpoint == null) {
            throw MappingException.missing(field);
        }
        String expectedEndpoint = RabtFhir.SECTOR_ENDPOINT_PREFIX + expected.code();
        if (!endpoint.equals(expectedEndpoint)) {
            throw MappingException.invalid(field, "must be " + expectedEndpoint + " on the " + expected.code()
                    + " exchange, it is " + endpoint);
        }
        Optional<Organization> organisation =
                message.optional(messageHeader.getSender(), Organization.class, MESSAGE_HEADER + ".sender");
        if (organisation.isEmpty()) {
            return Party.of(expected);
        }
        return party(expected, organisation.get(), serviceId(organisation.get()));
    }

    private static Party receiver(MessageBundle message, MessageHeader messageHeader, Task task) {
        if (!messageHeader.hasDestination()) {
            throw missing(MESSAGE_HEADER + ".destination",
                    "the receiving sector, as endpoint " + RabtFhir.SECTOR_ENDPOINT_PREFIX + "<sector id>");
        }
        if (messageHeader.getDestination().size() > 1) {
            throw MappingException.invalid(MESSAGE_HEADER + ".destination",
                    "a linkage card has one receiver; send one card per receiving sector");
        }
        MessageHeader.MessageDestinationComponent destination = messageHeader.getDestination().get(0);
        SectorId sector = sector(destination.getEndpoint(), MESSAGE_HEADER + ".destination[0].endpoint");
        String service = text(destination.getName(), 200, MESSAGE_HEADER + ".destination[0].name");
        Optional<Organization> owner = message.optional(task.getOwner(), Organization.class, TASK + ".owner");
        if (owner.isEmpty()) {
            return new Party(sector, null, service, null);
        }
        return party(sector, owner.get(), service);
    }

    private static SectorId sector(String endpoint, String field) {
        if (endpoint == null) {
            throw MappingException.missing(field);
        }
        if (!endpoint.startsWith(RabtFhir.SECTOR_ENDPOINT_PREFIX)) {
            throw MappingException.invalid(field, "'" + endpoint + "' is not " + RabtFhir.SECTOR_ENDPOINT_PREFIX
                    + "<sector id>");
        }
        return Coded.parse(SectorId.class, endpoint.substring(RabtFhir.SECTOR_ENDPOINT_PREFIX.length()), field);
    }

    private static Party party(SectorId sector, Organization organisation, String service) {
        String name = text(organisation.getName(), 200, ORGANIZATION + ".name");
        String province = organisation.hasAddress()
                ? FhirValues.province(organisation.getAddress().get(0).getState(), ORGANIZATION + ".address[0].state")
                : null;
        return new Party(sector, name, service, province);
    }

    /** The sending service's id in the directory of services, if the Organization carries one. */
    private static String serviceId(Organization organisation) {
        List<Identifier> identifiers = organisation.getIdentifier();
        for (int i = 0; i < identifiers.size(); i++) {
            if (RabtFhir.SERVICE_ID.equals(identifiers.get(i).getSystem())) {
                return text(identifiers.get(i).getValue(), 200, ORGANIZATION + ".identifier[" + i + "].value");
            }
        }
        return null;
    }

    private static PurposeOfUse purposeOfUse(Bundle bundle) {
        return codingIn(bundle.getMeta().getSecurity(), RabtFhir.PURPOSE_OF_USE, "Bundle.meta.security")
                .map(found -> found.as(PurposeOfUse.class))
                .orElse(PurposeOfUse.CHILD_PROTECTION);
    }

    private static LegalBasis legalBasis(Task task) {
        String field = TASK + ".reasonCode";
        if (!task.hasReasonCode()) {
            throw missing(field, "a coding from " + RabtFhir.LEGAL_BASIS + " (consent, judicial-order or best-interest)");
        }
        return coding(task.getReasonCode(), RabtFhir.LEGAL_BASIS, field)
                .orElseThrow(() -> missing(field + ".coding", "a coding from " + RabtFhir.LEGAL_BASIS))
                .as(LegalBasis.class);
    }

    /** HL7 v3 Confidentiality N, R or V; restricted when absent, as most cards concern a child's harm. */
    private static Confidentiality confidentiality(Bundle bundle) {
        Optional<FhirValues.FoundCoding> label =
                codingIn(bundle.getMeta().getSecurity(), RabtFhir.CONFIDENTIALITY, "Bundle.meta.security");
        if (label.isEmpty()) {
            return Confidentiality.RESTRICTED;
        }
        String code = label.get().code();
        return switch (code) {
            case "N" -> Confidentiality.NORMAL;
            case "R" -> Confidentiality.RESTRICTED;
            case "V" -> Confidentiality.VERY_RESTRICTED;
            default -> throw MappingException.invalid(label.get().path() + ".code",
                    "'" + code + "' is not one of N, R, V");
        };
    }
}
