package org.rabt.mappings.forces;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A status report of a police or gendarmerie unit about a card it received, member for member as
 * {@code police/statut-v1.schema.json} and {@code gendarmerie/statut-v1.schema.json} describe it.
 *
 * @param secteur      the reporting force ({@code police} or {@code gendarmerie})
 * @param statut       where the request stands, in the forces' words
 * @param observations why it is refused or closed, or what came of it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RapportStatut(UUID identifiantCarte, String secteur, StatutForces statut, String observations,
        Instant dateStatut) {
}
