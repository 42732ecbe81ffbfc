package org.rabt.mappings.health;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.Minimisation;
import org.rabt.mappings.cpm.Attachment;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.RequestedService;
import org.rabt.mappings.cpm.SectorId;

/**
 * Writes a card addressed to health as the FHIR R4 message Bundle of the health profile
 * ({@code docs/sectors/health.md}) — the same shape health itself sends — after minimising it
 * for health; and the same referral as a {@code transaction} Bundle for the health system's FHIR
 * server. Every Bundle written is read back through the profile (and validated against base R4
 * when a validator is given) before it leaves: what the hub sends, it would itself accept.
 *
 * <p>Thread-safe and reusable. The output is a function of the card alone: entries' fullUrls are
 * name-based UUIDs derived from the card id, so the same card always gives the same bytes.
 */
public final class FhirReferralWriter {

    /** FHIR R4 Attachment.size is an unsignedInt. */
    private static final long MAX_ATTACHMENT_SIZE = Integer.MAX_VALUE;

    private final FhirContext r4;
    /** Reads written Bundles back through the profile; never validates (that is {@link #validator}'s job). */
    private final FhirReferralMapper profile;
    /** {@code null}: the profile's read-back only, no base R4 instance validation. */
    private final FhirBundleValidator validator;

    /** A writer that checks its output against the profile but not with HAPI's instance validator. */
    public FhirReferralWriter(FhirContext r4) {
        this(r4, null);
    }

    /**
     * @param validator HAPI's instance validator, to validate both Bundles against base R4 before
     *                  they leave (tens of milliseconds per card), or {@code null}
     */
    public FhirReferralWriter(FhirContext r4, FhirBundleValidator validator) {
        Objects.requireNonNull(r4, "r4");
        if (r4.getVersion().getVersion() != FhirVersionEnum.R4) {
            throw new IllegalArgumentException("an R4 FhirContext is required, not " + r4.getVersion().getVersion());
        }
        this.r4 = r4;
        this.profile = new FhirReferralMapper(r4);
        this.validator = validator;
    }

    /**
     * The card as health may see it, as HAPI resources: the message Bundle, the transaction
     * Bundle and the transaction's Task, ServiceRequest and Patient.
     *
     * @throws MappingException {@link MappingError#OUTBOUND_SCHEMA_VIOLATION} naming the field when
     *                          the card cannot be written in the profile (not addressed to health, no
     *                          pseudonym, not exactly one service asked of health, or a value the
     *                          profile refuses): a defect on the hub's side, not the sender's
     */
    public HealthReferral write(ChildProtectionMessage cpm) {
        return written(cpm).referral();
    }

    /** The message Bundle of {@link #write}, as UTF-8 JSON ({@code application/fhir+json}). */
    public byte[] messageJson(ChildProtectionMessage cpm) {
        return written(cpm).message();
    }

    /**
     * The transaction Bundle of {@link #write}, as UTF-8 JSON: what the hub posts to the base URL
     * of the health system's FHIR server.
     */
    public byte[] transactionJson(ChildProtectionMessage cpm) {
        return written(cpm).transaction();
    }

    private record Written(HealthReferral referral, byte[] message, byte[] transaction) {
    }

    private Written written(ChildProtectionMessage cpm) {
        Objects.requireNonNull(cpm, "cpm");
        ChildProtectionMessage card = Minimisation.forReceiver(SectorId.HEALTH, cpm);
        RequestedService service = writable(card);
        Urls urls = Urls.of(card);
        Bundle message = message(card, service, urls);
        Entries created = transactionEntries(card, service, urls);
        Bundle transaction = transaction(card, urls, created);
        byte[] messageJson = json(message);
        check(card, messageJson, message, transaction);
        return new Written(new HealthReferral(message, transaction, created.task(), created.serviceRequest(),
                created.patient()), messageJson, json(transaction));
    }

    private byte[] json(Bundle bundle) {
        return r4.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle).getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- what the profile can carry

    /** The one service asked of health, after the checks no FHIR validator would make. */
    private static RequestedService writable(ChildProtectionMessage card) {
        Header header = card.header();
        if (header.receiver().sector() != SectorId.HEALTH) {
            throw violation("header.receiver.sector", "the card is addressed to " + header.receiver().sector().code()
                    + ", only a card addressed to health is written for health");
        }
        if (card.child().pseudonym() == null) {
            throw violation("child.pseudonym", "a card leaves the hub only with the child's pseudonym");
        }
        // The profile's Task has one focus: one ServiceRequest, one service per card.
        if (card.requestedServices().size() != 1) {
            throw violation("requestedServices", "the health profile carries exactly one service asked of health"
                    + " (the Task's ServiceRequest); this card asks " + card.requestedServices().size());
        }
        List<Attachment> attachments = card.attachments();
        for (int i = 0; i < attachments.size(); i++) {
            if (attachments.get(i).size() > MAX_ATTACHMENT_SIZE) {
                throw violation("attachments[" + i + "].size", "FHIR R4 Attachment.size is at most "
                        + MAX_ATTACHMENT_SIZE + " bytes, the document has " + attachments.get(i).size());
            }
        }
        return card.requestedServices().get(0);
    }

    private static MappingException violation(String field, String why) {
        return new MappingException(MappingError.OUTBOUND_SCHEMA_VIOLATION, field, field + ": " + why);
    }

    // ---------------------------------------------------------------- the two Bundles

    /**
     * The fullUrls of a card's entries: name-based UUIDs (RFC 4122 version 3) of the card id and
     * the entry's role, so that a card always gives the same Bundle and no entry of one card
     * collides with another card's.
     */
    private record Urls(String messageHeader, String task, String serviceRequest, String patient, String sender,
                        String receiver, String performer, String consent, List<String> documents) {

        static Urls of(ChildProtectionMessage card) {
            UUID id = card.header().messageId();
            List<String> documents = new ArrayList<>();
            for (int i = 0; i < card.attachments().size(); i++) {
                documents.add(url(id, "DocumentReference/" + i));
            }
            return new Urls(url(id, "MessageHeader"), url(id, "Task"), url(id, "ServiceRequest"), url(id, "Patient"),
                    url(id, "Organization/sender"), url(id, "Organization/receiver"),
                    url(id, "Organization/performer"), url(id, "Consent"), documents);
        }

        private static String url(UUID cardId, String role) {
            return "urn:uuid:" + UUID.nameUUIDFromBytes((cardId + "/" + role).getBytes(StandardCharsets.UTF_8));
        }

        /** The Task's and ServiceRequest's identifier value: the card id itself. */
        static String cardUrn(ChildProtectionMessage card) {
            return "urn:uuid:" + card.header().messageId();
        }
    }

    /** The resources both Bundles hold, built once per Bundle (their references differ). */
    private record Entries(Task task, ServiceRequest serviceRequest, Patient patient, Consent consent,
                           List<DocumentReference> documents) {
    }

    private static Entries entries(ChildProtectionMessage card, RequestedService service, Urls urls,
                                   Reference sender, Reference receiver, Reference performer) {
        Patient patient = PatientWriting.patient(card.child(), card.childProtected());
        List<DocumentReference> documents = new ArrayList<>();
        List<String> supportingInfo = new ArrayList<>();
        for (int i = 0; i < card.attachments().size(); i++) {
            String url = urls.documents().get(i);
            documents.add(SupportingInfoWriting.document(card.attachments().get(i), urls.patient(), url));
            supportingInfo.add(url);
        }
        Consent consent = null;
        if (card.consent() != null) {
            consent = SupportingInfoWriting.consent(card.consent(), urls.patient(), urls.consent());
            // reachable from the MessageHeader, as FHIR messaging expects; not an attachment
            supportingInfo.add(urls.consent());
        }
        ServiceRequest serviceRequest = ServiceRequestWriting.serviceRequest(card, service, urls.patient(), sender,
                performer, supportingInfo);
        Task task = HeaderWriting.task(card, urls.serviceRequest(), urls.patient(), sender, receiver);
        return new Entries(task, serviceRequest, patient, consent, documents);
    }

    /** The message of the profile: the hub's Organizations travel as entries of the Bundle. */
    private static Bundle message(ChildProtectionMessage card, RequestedService service, Urls urls) {
        Header header = card.header();
        Organization sender = HeaderWriting.sender(header.sender());
        Organization receiver = HeaderWriting.receiver(header.receiver());
        Reference senderReference = sender == null ? null : new Reference(urls.sender());
        Reference receiverReference = receiver == null ? null : new Reference(urls.receiver());
        String performerName = service.target().organisation();
        Organization performer = null;
        Reference performerReference = null;
        if (performerName != null && receiver != null && performerName.equals(receiver.getName())) {
            performerReference = receiverReference;
        } else if (performerName != null) {
            performer = HeaderWriting.named(performerName);
            performerReference = new Reference(urls.performer());
        }
        Entries entries = entries(card, service, urls, senderReference, receiverReference, performerReference);

        Bundle bundle = HeaderWriting.bundle(header, Bundle.BundleType.MESSAGE);
        add(bundle, urls.messageHeader(),
                HeaderWriting.messageHeader(header, urls.task(), senderReference, receiverReference));
        add(bundle, urls.task(), entries.task());
        add(bundle, urls.serviceRequest(), entries.serviceRequest());
        add(bundle, urls.patient(), entries.patient());
        add(bundle, urls.sender(), sender);
        add(bundle, urls.receiver(), receiver);
        add(bundle, urls.performer(), performer);
        for (int i = 0; i < entries.documents().size(); i++) {
            add(bundle, urls.documents().get(i), entries.documents().get(i));
        }
        add(bundle, urls.consent(), entries.consent());
        return bundle;
    }

    private static void add(Bundle bundle, String fullUrl, Resource resource) {
        if (resource != null) {
            bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
        }
    }

    /**
     * The referral's resources for the health system's own server. Organizations are logical
     * references (name, service id): the hub does not create organisations on a hospital's server.
     * The Task is created {@code requested}, whatever status the card carries: on the health
     * system's server the referral starts where every referral starts, and it is health that moves
     * it on (and reports each step back, see {@link FhirTaskStatusReader}). The card's own status
     * and its words travel in the message Bundle.
     */
    private static Entries transactionEntries(ChildProtectionMessage card, RequestedService service, Urls urls) {
        Header header = card.header();
        Reference sender = HeaderWriting.logical(header.sender(), true);
        Reference receiver = HeaderWriting.logical(header.receiver(), false);
        String performerName = service.target().organisation();
        Reference performer = performerName == null ? null
                : performerName.equals(header.receiver().organisation()) ? HeaderWriting.logical(header.receiver(), false)
                : new Reference().setType("Organization").setDisplay(performerName);
        Entries entries = entries(card, service, urls, sender, receiver, performer);
        entries.task().setStatus(Task.TaskStatus.REQUESTED).setBusinessStatus(null).setStatusReason(null);
        return entries;
    }

    /**
     * Every entry a conditional create: the Patient on the hub's pseudonym (a child the server
     * already holds is not created again, and the Task then refers to the existing Patient), the
     * Task and ServiceRequest on the card id, the documents and the Consent on their identifiers.
     * Posting the same card twice therefore creates nothing twice. References between entries are
     * their {@code urn:uuid:} fullUrls, which the server resolves within the transaction.
     */
    private static Bundle transaction(ChildProtectionMessage card, Urls urls, Entries entries) {
        Bundle bundle = HeaderWriting.bundle(card.header(), Bundle.BundleType.TRANSACTION);
        create(bundle, urls.patient(), entries.patient(),
                search(RabtFhir.PSEUDONYM, card.child().pseudonym()));
        for (int i = 0; i < entries.documents().size(); i++) {
            String url = urls.documents().get(i);
            create(bundle, url, entries.documents().get(i), search(RabtFhir.RFC_3986, url));
        }
        if (entries.consent() != null) {
            create(bundle, urls.consent(), entries.consent(), search(RabtFhir.RFC_3986, urls.consent()));
        }
        String cardUrn = Urls.cardUrn(card);
        create(bundle, urls.serviceRequest(), entries.serviceRequest(), search(RabtFhir.RFC_3986, cardUrn));
        create(bundle, urls.task(), entries.task(), search(RabtFhir.RFC_3986, cardUrn));
        return bundle;
    }

    /** The query part of a conditional create on a token identifier. */
    private static String search(String system, String value) {
        return "identifier=" + system + "|" + value;
    }

    private static void create(Bundle bundle, String fullUrl, Resource resource, String ifNoneExist) {
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl(resource.fhirType())
                .setIfNoneExist(ifNoneExist);
    }

    // ---------------------------------------------------------------- the check before it leaves

    /**
     * Reads the message back through the profile, as the card's sender (health itself accepts
     * only cards from health); then, with a validator, validates both Bundles against base R4.
     * Any failure is {@link MappingError#OUTBOUND_SCHEMA_VIOLATION} with the profile's field.
     */
    private void check(ChildProtectionMessage card, byte[] json, Bundle message, Bundle transaction) {
        try {
            profile.readBack(json, FhirReferralMapper.Expectations.outbound(card.header().sender().sector()));
            if (validator != null) {
                validator.validate(message);
                validator.validate(transaction);
            }
        } catch (MappingException e) {
            throw new MappingException(MappingError.OUTBOUND_SCHEMA_VIOLATION, e.field(),
                    "the Bundle written for health breaks the profile (" + e.code() + "): " + e.detail(), e);
        }
    }
}
