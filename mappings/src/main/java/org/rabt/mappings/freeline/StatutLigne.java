package org.rabt.mappings.freeline;

import java.time.Instant;
import java.util.UUID;

/**
 * A status report of the line about a card it received, member for member as
 * {@code freeline/statut-v1.schema.json} describes it.
 *
 * @param observations why the card is not taken up, or what was done with it
 */
record StatutLigne(UUID identifiantCarte, Etat statut, String observations, Instant dateStatut) {
}
