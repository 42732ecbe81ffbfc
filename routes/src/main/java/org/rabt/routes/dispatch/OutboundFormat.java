package org.rabt.routes.dispatch;

import org.rabt.mappings.cpm.ChildProtectionMessage;

/** A sector's native format, written from the shared message (a mapper of {@code mappings}). */
public interface OutboundFormat {

    String mediaType();

    /** Throws a coded {@code MappingException} when the card cannot be written in this format. */
    byte[] render(ChildProtectionMessage cpm);
}
