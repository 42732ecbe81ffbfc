package org.rabt.routes.intake;

import org.rabt.connectors.exchange.InboundCard;

/** Verifies that a card's body carries its sender's valid detached signature. */
@FunctionalInterface
public interface SignatureCheck {

    /** Throws a coded {@code SecurityViolation} when the signature is missing, broken or someone else's. */
    void verify(InboundCard card);
}
