package org.rabt.mappings.education;

import java.util.Objects;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.cpm.ChildProtectionMessage;

/**
 * One data row of a dropout batch, as {@link DropoutBatchReader} yields it: either the reporting
 * card it maps to, or the reason it was refused. Lines are numbered from 1, the header being
 * line 1, and a row that spans several lines (a quoted value with a line break) has the number of
 * the line it starts on: the number a person sees in a text editor.
 */
public sealed interface BatchRow permits BatchRow.Admitted, BatchRow.Rejected {

    long line();

    /**
     * A row mapped to a reporting card for the centre of the pupil's province; the card's
     * {@code header.messageId} is the row's {@code identifiantLigne} and the child's pseudonym is
     * still {@code null} (the hub assigns it).
     */
    record Admitted(long line, ChildProtectionMessage cpm) implements BatchRow {

        public Admitted {
            Objects.requireNonNull(cpm, "cpm");
        }
    }

    /**
     * A row refused on its own; the rest of the batch goes on.
     *
     * @param rowId  the row's {@code identifiantLigne} as written, or {@code null} if the row has none
     * @param error  why, as a stable code ({@link #code()})
     * @param field  the column at fault, or {@code null} when the row as a whole is (wrong number of values)
     * @param reason a sentence the school's developer can act on, starting with the line number
     */
    record Rejected(long line, String rowId, MappingError error, String field, String reason) implements BatchRow {

        public Rejected {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(reason, "reason");
        }

        /** The stable code ({@code RABT-M004}...), as in docs/errors.md. */
        public String code() {
            return error.code();
        }
    }
}
