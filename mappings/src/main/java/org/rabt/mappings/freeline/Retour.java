package org.rabt.mappings.freeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * What the line receives, member for member as {@code freeline/retour-v1.schema.json} describes
 * it: that its report is being handled, by whom, and how far. Nothing about the child, nothing
 * about what happened, no document and no free text.
 *
 * @param carteLiee        the line's report this answers
 * @param referenceDossier the centre's case reference, for the listener to quote if the caller calls again
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Retour(
        UUID identifiantCarte,
        String typeCarte,
        UUID carteLiee,
        String referenceDossier,
        Instant dateEnvoi,
        Partie emetteur,
        Partie destinataire,
        String statut) {
}
