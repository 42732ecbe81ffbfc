package org.rabt.routes.intake;

import org.rabt.mappings.cpm.ChildProtectionMessage;

/** A sector's native format, read into the shared message (a mapper of {@code mappings}). */
@FunctionalInterface
public interface InboundFormat {

    /** Throws a coded {@code MappingException} naming the field when the payload cannot be mapped. */
    ChildProtectionMessage toCpm(byte[] body);
}
