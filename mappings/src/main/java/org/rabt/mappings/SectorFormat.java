package org.rabt.mappings;

import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.SectorId;

/**
 * One sector's native format, both ways: what its system sends the hub and what the hub sends
 * it. Implementations are final, thread-safe and reusable; they do no I/O and read no clock.
 */
public interface SectorFormat {

    SectorId sector();

    /** The media type of cards in this format, as on the exchange API ({@code Content-Type}). */
    String mediaType();

    /**
     * Native -> CPM, for a card this sector sends. The sender is this sector; the child's
     * pseudonym is left {@code null} (the hub assigns it). Throws a coded {@link MappingException}
     * naming the field.
     */
    ChildProtectionMessage toCpm(byte[] body);

    /**
     * CPM -> native, for a card addressed to this sector: first minimised for this sector
     * ({@link Minimisation#forReceiver}), then written and validated against the sector's schema
     * ({@link MappingError#OUTBOUND_SCHEMA_VIOLATION} if the result does not conform).
     */
    byte[] fromCpm(ChildProtectionMessage cpm);

    /** A status report this sector sends about a card it received, in its own words. */
    StatusReport readStatus(byte[] body);
}
