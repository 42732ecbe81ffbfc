package org.rabt.mappings.health;

import java.time.Instant;
import java.util.UUID;
import org.rabt.mappings.StatusReport;

/**
 * A status report from health, a FHIR Task: the card it is about (its {@code Task.identifier}
 * with system {@code urn:ietf:rfc:3986}), what it says, and when health changed the Task
 * ({@code Task.lastModified}).
 */
public record TaskStatusUpdate(UUID cardId, StatusReport report, Instant lastModified) {
}
