package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The shared child-protection message (CPM) v1: one linkage, reporting, follow-up or evaluation
 * card, in the one shape every sector format maps to and from. Its JSON form is described by
 * {@code cpm/cpm-v1.schema.json}.
 *
 * @param child          what every receiver may see about the child
 * @param childProtected the child's identity; encrypted at rest and released only where
 *                       need-to-know and a legal basis hold ({@code null} once minimised away)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChildProtectionMessage(
        Header header,
        ChildShared child,
        ChildProtected childProtected,
        List<Concern> concerns,
        Pathway pathway,
        List<RequestedService> requestedServices,
        Consent consent,
        List<Attachment> attachments,
        Status status) {

    public static final String SCHEMA_VERSION = "1.0";

    public ChildProtectionMessage {
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
        requestedServices = requestedServices == null ? List.of() : List.copyOf(requestedServices);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The same card with the hub's pseudonym for the child. */
    public ChildProtectionMessage withPseudonym(String pseudonym) {
        return new ChildProtectionMessage(header, child.withPseudonym(pseudonym), childProtected, concerns, pathway,
                requestedServices, consent, attachments, status);
    }

    /** The same card without the protected part of the child's identity. */
    public ChildProtectionMessage withoutProtectedPart() {
        return new ChildProtectionMessage(header, child, null, concerns, pathway, requestedServices, consent,
                attachments, status);
    }
}
