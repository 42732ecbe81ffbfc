package org.rabt.mappings.health;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.rabt.mappings.cpm.Attachment;
import org.rabt.mappings.cpm.SectorId;

/**
 * What supports the request: the consent to share and the documents, as a Consent and
 * DocumentReferences. The inverse of {@link ConsentMapping} and {@link DocumentMapping}.
 */
final class SupportingInfoWriting {

    private static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    private static final String LOINC = "http://loinc.org";
    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    private static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    private SupportingInfoWriting() {
    }

    /**
     * A document by its metadata only: type, title, media type, size and SHA-256. The content
     * stays at the hub (it does not forward attachments yet), so there is no {@code data} and no
     * {@code url}; the hash is what a later request for the document will name.
     *
     * @param identifier {@code urn:uuid:...}, stable for the card, for the transaction's conditional create
     */
    static DocumentReference document(Attachment attachment, String patientUrl, String identifier) {
        DocumentReference document = new DocumentReference()
                .setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
                .setType(new CodeableConcept(new Coding(RabtFhir.ATTACHMENT_TYPE, attachment.type().code(), null)))
                .setSubject(new Reference(patientUrl))
                .setDescription(attachment.title());
        document.addIdentifier(new Identifier().setSystem(RabtFhir.RFC_3986).setValue(identifier));
        org.hl7.fhir.r4.model.Attachment content = document.addContent().getAttachment()
                .setContentType(attachment.mediaType())
                .setSize((int) attachment.size());
        content.addExtension(RabtFhir.EXT_SHA256, new StringType(attachment.sha256()));
        return document;
    }

    /**
     * The consent: who gave it (a role, never a name), when, the sectors it covers as recipients,
     * and its withdrawal. Scope, category and policy rule are what base R4 requires, as in the
     * examples of the profile.
     */
    static Consent consent(org.rabt.mappings.cpm.Consent consent, String patientUrl, String identifier) {
        Consent resource = new Consent()
                .setStatus(consent.revokedAt() == null ? Consent.ConsentState.ACTIVE : Consent.ConsentState.INACTIVE)
                .setScope(new CodeableConcept(new Coding(CONSENT_SCOPE, "patient-privacy", null)))
                .setPatient(new Reference(patientUrl))
                .setDateTimeElement(HeaderWriting.dateTime(consent.givenAt()))
                .setPolicyRule(new CodeableConcept(new Coding(ACT_CODE, "OPTIN", null)));
        resource.addExtension(RabtFhir.EXT_CONSENT_GIVEN_BY, new CodeType(consent.givenBy()));
        resource.addIdentifier(new Identifier().setSystem(RabtFhir.RFC_3986).setValue(identifier));
        resource.addCategory(new CodeableConcept(new Coding(LOINC, "59284-0", "Patient Consent")));
        Consent.ProvisionComponent provision = resource.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
        for (SectorId sector : consent.sectors()) {
            provision.addActor()
                    .setRole(new CodeableConcept(new Coding(PARTICIPATION_TYPE, "IRCP", "information recipient")))
                    .setReference(new Reference().setIdentifier(
                            new Identifier().setSystem(RabtFhir.SECTOR_ID).setValue(sector.code())));
        }
        if (consent.revokedAt() != null) {
            provision.getPeriod().setEndElement(HeaderWriting.dateTime(consent.revokedAt()));
        }
        return resource;
    }
}
