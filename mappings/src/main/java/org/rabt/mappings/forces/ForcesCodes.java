package org.rabt.mappings.forces;

import org.rabt.mappings.cpm.AttachmentType;

/**
 * The one code table of the forces' card that is not {@link org.rabt.mappings.french.FrenchCodes}'
 * (every other code is the shared French vocabulary). Switch without a default branch: a constant
 * added to the CPM enum breaks the build here instead of reaching a commissariat as an unknown code.
 */
final class ForcesCodes {

    private ForcesCodes() {
    }

    /** A procès-verbal is a {@code proces-verbal} for the forces, whichever force wrote it (elsewhere {@code proces-verbal-police}). */
    static String typePieceJointe(AttachmentType type) {
        return switch (type) {
            case MEDICAL_CERTIFICATE -> "certificat-medical";
            case FORENSIC_CERTIFICATE -> "certificat-medico-legal";
            case SOCIAL_REPORT -> "rapport-social";
            case POLICE_REPORT -> "proces-verbal";
            case COURT_DECISION -> "decision-judiciaire";
            case SCHOOL_REPORT -> "rapport-scolaire";
            case OTHER -> "autre";
        };
    }
}
