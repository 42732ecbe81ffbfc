package org.rabt.routes.intake;

import org.rabt.connectors.exchange.InboundCard;
import org.rabt.mappings.cpm.ChildProtectionMessage;

/** A verified card, mapped to the shared message, pseudonymised and schema-valid. */
public record MappedCard(InboundCard inbound, ChildProtectionMessage cpm, String cpmJson) {
}
