package org.rabt.mappings.justice;

import org.rabt.mappings.cpm.TaskStatus;

/**
 * The one code table of the justice card that is not {@link org.rabt.mappings.french.FrenchCodes}'
 * (every other code is the shared French vocabulary): only the justice card carries the referral
 * status in the card itself.
 */
final class JusticeCodes {

    private JusticeCodes() {
    }

    /**
     * The referral status keeps FHIR's Task.status code: it is an international code list that
     * the status callback ({@code POST .../status}) also uses, so translating it would only add a
     * second vocabulary for the same thing.
     */
    static String statut(TaskStatus status) {
        return status.code();
    }
}
