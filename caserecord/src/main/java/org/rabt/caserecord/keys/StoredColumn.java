package org.rabt.caserecord.keys;

import java.util.UUID;
import java.util.function.Function;
import org.rabt.caserecord.attachments.AttachmentStore;
import org.rabt.caserecord.cards.CardStore;

/** The columns the hub encrypts (FieldCipher), each with the place its values are bound to. */
public enum StoredColumn {
    CARD_CPM("card", "id", "cpm", true, key -> CardStore.cpmContext((UUID) key)),
    CARD_EVIDENCE("card_evidence", "card_id", "body", false, key -> CardStore.evidenceContext((UUID) key)),
    ATTACHMENT("attachment", "sha256", "content", false, key -> AttachmentStore.context(((String) key).strip()));

    final String table;
    final String key;
    final String column;
    /** A text column holds the sealed bytes as base64 after a prefix ({@code FieldCipher.sealText}). */
    final boolean text;
    private final Function<Object, String> context;

    StoredColumn(String table, String key, String column, boolean text, Function<Object, String> context) {
        this.table = table;
        this.key = key;
        this.column = column;
        this.text = text;
        this.context = context;
    }

    /** {@code table.column}, as the operator reads it in the report. */
    public String place() {
        return table + "." + column;
    }

    String context(Object rowKey) {
        return context.apply(rowKey);
    }

    /** The SQL type of an array of row keys, for {@code = ANY(?)}. */
    String keyArrayType() {
        return this == ATTACHMENT ? "text[]" : "uuid[]";
    }
}
