package org.rabt.mappings.freeline;

import com.fasterxml.jackson.annotation.JsonValue;
import org.rabt.mappings.cpm.TaskStatus;

/**
 * The line's few words for where a card stands: in the feedback it receives about its own report
 * ({@link #of(TaskStatus)}), and in the status it reports about a card it received
 * ({@link #taskStatus()}). The line needs to tell a caller whether the report is being handled,
 * not the nuances of a referral, so several statuses share a word.
 */
enum Etat {
    RECU("recu"),
    TRANSMIS("transmis"),
    PRIS_EN_CHARGE("pris-en-charge"),
    EN_ATTENTE("en-attente"),
    NON_RETENU("non-retenu"),
    CLOS("clos");

    private final String code;

    Etat(String code) {
        this.code = code;
    }

    @JsonValue
    String code() {
        return code;
    }

    /**
     * The state of the line's report, as the feedback says it. {@code requested} is
     * {@code transmis}: the report has been passed on to the services asked to act. Failed and
     * cancelled referrals are {@code clos} for the line: nothing more will come of its report.
     */
    static Etat of(TaskStatus status) {
        return switch (status) {
            case REQUESTED -> TRANSMIS;
            case RECEIVED -> RECU;
            case ACCEPTED, IN_PROGRESS -> PRIS_EN_CHARGE;
            case ON_HOLD -> EN_ATTENTE;
            case REJECTED -> NON_RETENU;
            case COMPLETED, FAILED, CANCELLED -> CLOS;
        };
    }

    /**
     * The status of a card the line received, in its words. {@code transmis} means the line has
     * passed the card on (to the listener or cell that took the call) and its own part is done:
     * {@code completed}.
     */
    TaskStatus taskStatus() {
        return switch (this) {
            case RECU -> TaskStatus.RECEIVED;
            case PRIS_EN_CHARGE -> TaskStatus.IN_PROGRESS;
            case EN_ATTENTE -> TaskStatus.ON_HOLD;
            case NON_RETENU -> TaskStatus.REJECTED;
            case TRANSMIS, CLOS -> TaskStatus.COMPLETED;
        };
    }
}
