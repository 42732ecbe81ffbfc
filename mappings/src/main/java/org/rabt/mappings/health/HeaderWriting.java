package org.rabt.mappings.health;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.UrlType;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Confidentiality;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.Priority;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Status;
import org.rabt.mappings.cpm.TaskStatus;

/**
 * The CPM header and status, written as the Bundle's envelope, the MessageHeader, the Task and
 * the Organizations they name: the inverse of {@link HeaderMapping}.
 */
final class HeaderWriting {

    private HeaderWriting() {
    }

    /** Bundle.identifier, timestamp and security labels, common to the message and the transaction. */
    static Bundle bundle(Header header, Bundle.BundleType type) {
        Bundle bundle = new Bundle().setType(type);
        bundle.setIdentifier(cardId(header.messageId()));
        bundle.setTimestampElement(new InstantType(iso(header.sentAt())));
        bundle.getMeta().addSecurity(confidentiality(header.confidentiality()));
        bundle.getMeta().addSecurity(new Coding(RabtFhir.PURPOSE_OF_USE, header.purposeOfUse().code(), null));
        return bundle;
    }

    /**
     * The MessageHeader: the card type as event, the sender's sector as source, health as the
     * one destination (named by the receiving service), the Task as focus.
     */
    static MessageHeader messageHeader(Header header, String taskUrl, Reference senderOrganisation,
                                       Reference receiverOrganisation) {
        MessageHeader messageHeader = new MessageHeader()
                .setEvent(new Coding(RabtFhir.CARD_TYPE, header.cardType().code(), null))
                .setSource(new MessageHeader.MessageSourceComponent(
                        new UrlType(RabtFhir.SECTOR_ENDPOINT_PREFIX + header.sender().sector().code())));
        MessageHeader.MessageDestinationComponent destination = messageHeader.addDestination()
                .setEndpoint(RabtFhir.SECTOR_ENDPOINT_PREFIX + SectorId.HEALTH.code())
                .setName(header.receiver().service());
        if (receiverOrganisation != null) {
            destination.setReceiver(receiverOrganisation);
        }
        if (senderOrganisation != null) {
            messageHeader.setSender(senderOrganisation);
        }
        messageHeader.addFocus(new Reference(taskUrl));
        return messageHeader;
    }

    /**
     * The Task, the referral itself. Its first identifier is the card id, so that the health
     * system can report on it and a resend creates nothing twice.
     */
    static Task task(ChildProtectionMessage card, String serviceRequestUrl, String patientUrl,
                     Reference senderOrganisation, Reference receiverOrganisation) {
        Header header = card.header();
        Task task = new Task();
        task.addIdentifier(cardId(header.messageId()));
        if (header.caseReference() != null) {
            task.addIdentifier(new Identifier().setSystem(RabtFhir.CASE_ID).setValue(header.caseReference()));
        }
        if (header.correlationId() != null) {
            task.addPartOf(new Reference().setIdentifier(cardId(header.correlationId())));
        }
        status(task, card.status());
        task.setIntent(Task.TaskIntent.ORDER);
        task.setPriority(taskPriority(header.priority()));
        task.setFocus(new Reference(serviceRequestUrl));
        task.setFor(new Reference(patientUrl));
        task.setAuthoredOnElement(dateTime(header.sentAt()));
        if (senderOrganisation != null) {
            task.setRequester(senderOrganisation);
        }
        if (receiverOrganisation != null) {
            task.setOwner(receiverOrganisation);
        }
        task.setReasonCode(new CodeableConcept(new Coding(RabtFhir.LEGAL_BASIS, header.legalBasis().code(), null)));
        if (header.dueBy() != null) {
            task.getRestriction().getPeriod().setEndElement(date(header.dueBy()));
        }
        return task;
    }

    private static void status(Task task, Status status) {
        task.setStatus(taskStatus(status.status()));
        if (status.businessStatus() != null) {
            task.getBusinessStatus().setText(status.businessStatus());
        }
        if (status.outcome() != null) {
            task.getStatusReason().setText(status.outcome());
        }
    }

    /**
     * The sending service: its name, its id in the directory of services, its province. None
     * when the sender has neither a name nor a service id (R4 wants one or the other).
     */
    static Organization sender(Party sender) {
        if (sender.organisation() == null && sender.service() == null) {
            return null;
        }
        Organization organisation = organisation(sender.organisation(), sender.provinceCode());
        if (sender.service() != null) {
            organisation.addIdentifier().setSystem(RabtFhir.SERVICE_ID).setValue(sender.service());
        }
        return organisation;
    }

    /**
     * The receiving organisation, as {@code Task.owner}; none without a name, the receiving
     * service travelling as {@code MessageHeader.destination.name}.
     */
    static Organization receiver(Party receiver) {
        return receiver.organisation() == null ? null : organisation(receiver.organisation(), receiver.provinceCode());
    }

    /** An Organization known by its name only (the performer, when it is not the receiver). */
    static Organization named(String name) {
        return organisation(name, null);
    }

    private static Organization organisation(String name, String province) {
        Organization organisation = new Organization().setActive(true).setName(name);
        if (province != null) {
            organisation.addAddress().setState(province).setCountry("MA");
        }
        return organisation;
    }

    /**
     * A logical reference to a party (its name, and the directory's service id when known), for
     * resources created on the health system's own server, where the hub's Organizations do not
     * exist and are not created.
     */
    static Reference logical(Party party, boolean withServiceId) {
        if (party.organisation() == null && !(withServiceId && party.service() != null)) {
            return null;
        }
        Reference reference = new Reference().setType("Organization")
                .setDisplay(party.organisation() != null ? party.organisation() : party.service());
        if (withServiceId && party.service() != null) {
            reference.setIdentifier(new Identifier().setSystem(RabtFhir.SERVICE_ID).setValue(party.service()));
        }
        return reference;
    }

    /** {system urn:ietf:rfc:3986, value urn:uuid:...}: how a card id travels everywhere in the profile. */
    static Identifier cardId(UUID id) {
        return new Identifier().setSystem(RabtFhir.RFC_3986).setValue("urn:uuid:" + id);
    }

    static Task.TaskStatus taskStatus(TaskStatus status) {
        return switch (status) {
            case REQUESTED -> Task.TaskStatus.REQUESTED;
            case RECEIVED -> Task.TaskStatus.RECEIVED;
            case ACCEPTED -> Task.TaskStatus.ACCEPTED;
            case REJECTED -> Task.TaskStatus.REJECTED;
            case IN_PROGRESS -> Task.TaskStatus.INPROGRESS;
            case ON_HOLD -> Task.TaskStatus.ONHOLD;
            case COMPLETED -> Task.TaskStatus.COMPLETED;
            case FAILED -> Task.TaskStatus.FAILED;
            case CANCELLED -> Task.TaskStatus.CANCELLED;
        };
    }

    static Task.TaskPriority taskPriority(Priority priority) {
        return switch (priority) {
            case ROUTINE -> Task.TaskPriority.ROUTINE;
            case URGENT -> Task.TaskPriority.URGENT;
            case ASAP -> Task.TaskPriority.ASAP;
            case STAT -> Task.TaskPriority.STAT;
        };
    }

    static ServiceRequest.ServiceRequestPriority requestPriority(Priority priority) {
        return switch (priority) {
            case ROUTINE -> ServiceRequest.ServiceRequestPriority.ROUTINE;
            case URGENT -> ServiceRequest.ServiceRequestPriority.URGENT;
            case ASAP -> ServiceRequest.ServiceRequestPriority.ASAP;
            case STAT -> ServiceRequest.ServiceRequestPriority.STAT;
        };
    }

    static Coding confidentiality(Confidentiality confidentiality) {
        return switch (confidentiality) {
            case NORMAL -> new Coding(RabtFhir.CONFIDENTIALITY, "N", "normal");
            case RESTRICTED -> new Coding(RabtFhir.CONFIDENTIALITY, "R", "restricted");
            case VERY_RESTRICTED -> new Coding(RabtFhir.CONFIDENTIALITY, "V", "very restricted");
        };
    }

    /** An instant in UTC with all its digits (a Date would cut it to milliseconds). */
    static DateTimeType dateTime(Instant instant) {
        return new DateTimeType(iso(instant));
    }

    /** A calendar date, written as such: no time, no zone to shift it. */
    static DateTimeType date(LocalDate date) {
        return new DateTimeType(date.toString());
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
