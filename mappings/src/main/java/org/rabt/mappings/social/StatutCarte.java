package org.rabt.mappings.social;

import java.time.Instant;
import java.util.UUID;

/** A status report of social services, as {@code social/statut-v1.schema.json} describes it. */
record StatutCarte(UUID identifiantCarte, String statut, String observations, Instant dateStatut) {
}
