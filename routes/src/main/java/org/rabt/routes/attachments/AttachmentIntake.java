package org.rabt.routes.attachments;

import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.rabt.caserecord.attachments.AttachmentStore;
import org.rabt.connectors.exchange.InboundCard;
import org.rabt.connectors.exchange.IntakeError;
import org.rabt.connectors.exchange.IntakeException;
import org.rabt.routes.Json;
import org.rabt.routes.intake.SignatureCheck;
import org.rabt.security.CryptoUtils;

/**
 * Receives a document attached to a card: {@code PUT /exchange/v1/<sector>/attachments/<sha256>},
 * signed like a card by its sender. The path names the document by the SHA-256 the card's CPM
 * references; a body that does not hash to it is refused (RABT-I017). Stored once, encrypted.
 */
public final class AttachmentIntake {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** The answer: the document as the hub now holds it. */
    public record AttachmentReceipt(String sha256, String mediaType, long size, boolean replay) {
    }

    private final SignatureCheck signatures;
    private final AttachmentStore store;
    private final Clock clock;

    public AttachmentIntake(SignatureCheck signatures, AttachmentStore store, Clock clock) {
        this.signatures = signatures;
        this.store = store;
        this.clock = clock;
    }

    public AttachmentReceipt receive(InboundCard upload, String named) {
        String expected = named == null ? "" : named.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(expected).matches()) {
            throw new IntakeException(IntakeError.ATTACHMENT_HASH_MISMATCH, "an attachment is named by the SHA-256 of "
                    + "its content, 64 hexadecimal digits, as the card references it");
        }
        signatures.verify(upload);
        String actual = HexFormat.of().formatHex(CryptoUtils.sha256(upload.body()));
        if (!actual.equals(expected)) {
            throw new IntakeException(IntakeError.ATTACHMENT_HASH_MISMATCH, "the body's SHA-256 is " + actual
                    + ", not the " + expected + " of the path; send the document the card references");
        }
        String actor = upload.clientCertificate() == null ? upload.sender().code()
                : upload.clientCertificate().getSubjectX500Principal().getName();
        boolean stored = store.store(actual, upload.contentType(), upload.body(), upload.sender(), actor, clock.instant());
        return new AttachmentReceipt(actual, upload.contentType(), upload.body().length, !stored);
    }

    /** {@code 201} for a new document, {@code 200} for one the hub held already. */
    public static void answer(Exchange exchange, AttachmentReceipt receipt) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, receipt.replay() ? 200 : 201);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(Json.bytes(receipt));
    }
}
