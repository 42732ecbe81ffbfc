package org.rabt.mappings.labour;

import java.time.Instant;
import java.util.UUID;

/** A status report of labour inspection, as {@code labour/statut-v1.schema.json} describes it. */
record StatutCarte(UUID identifiantCarte, String statut, String observations, Instant dateStatut) {
}
