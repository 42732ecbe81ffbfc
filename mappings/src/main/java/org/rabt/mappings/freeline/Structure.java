package org.rabt.mappings.freeline;

import com.fasterxml.jackson.annotation.JsonValue;
import org.rabt.mappings.cpm.EntryChannel;

/** Which kind of listening service took the call or the visit: it is how the child entered the pathway. */
enum Structure {
    /** The national free phone line for children (numéro vert). */
    LIGNE_NATIONALE("ligne-nationale"),
    /** A listening cell in a hospital, a school or an association. */
    CELLULE_ECOUTE("cellule-ecoute");

    private final String code;

    Structure(String code) {
        this.code = code;
    }

    @JsonValue
    String code() {
        return code;
    }

    EntryChannel entryChannel() {
        return switch (this) {
            case LIGNE_NATIONALE -> EntryChannel.FREE_LINE;
            case CELLULE_ECOUTE -> EntryChannel.LISTENING_CELL;
        };
    }
}
