package org.rabt.routes.status;

import java.time.Clock;
import java.util.UUID;
import org.rabt.caserecord.cards.CardRecord;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.connectors.exchange.InboundCard;
import org.rabt.connectors.exchange.IntakeError;
import org.rabt.connectors.exchange.IntakeException;
import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.StatusReport;
import org.rabt.routes.FormatRegistry;
import org.rabt.routes.intake.SignatureCheck;

/**
 * A receiving sector reports where a referral stands ({@code POST
 * /exchange/v1/<sector>/cards/{cardId}/status}), in its own format and words, signed like a card.
 * Only the card's receiver may report, only about the card of the URL (the report's own card id
 * must be that card's); the report becomes the card's task status and a history
 * entry the sender can read.
 */
public final class StatusReports {

    private final SignatureCheck signatures;
    private final FormatRegistry formats;
    private final CardStore store;
    private final Clock clock;

    public StatusReports(SignatureCheck signatures, FormatRegistry formats, CardStore store, Clock clock) {
        this.signatures = signatures;
        this.formats = formats;
        this.store = store;
        this.clock = clock;
    }

    /** Verifies, reads and records the report; returns the card as it now stands. */
    public CardRecord report(InboundCard report, String cardId) {
        CardRecord card = parse(cardId).flatMap(store::find).filter(c -> c.concerns(report.sender()))
                .orElseThrow(() -> new IntakeException(IntakeError.CARD_NOT_FOUND, "no card " + cardId
                        + " sent by or addressed to " + report.sender().code()));
        if (card.receiver() != report.sender()) {
            throw new IntakeException(IntakeError.NOT_THE_RECEIVER, "only the card's receiver ("
                    + card.receiver().code() + ") reports its status");
        }
        signatures.verify(report);
        SectorFormat format = formats.of(report.sender()).orElseThrow(() -> new IntakeException(
                IntakeError.UNSUPPORTED_SECTOR_FORMAT, "the hub does not read " + report.sender().code()
                        + "'s format yet"));
        StatusReport status = format.readStatus(report.body());
        requireSameCard(status, card.id());
        store.reportTaskStatus(card.id(), status.status(), status.businessStatus(), status.reason(), clock.instant());
        return store.find(card.id()).orElseThrow();
    }

    /**
     * The report must be about the card of its URL: a report written for one card and posted to
     * another would change the wrong child's referral.
     */
    private static void requireSameCard(StatusReport status, UUID cardOfUrl) {
        if (!cardOfUrl.equals(status.cardId())) {
            throw new IntakeException(IntakeError.STATUS_CARD_MISMATCH, "the report is about card "
                    + status.cardId() + ", posted to the status of card " + cardOfUrl);
        }
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }
}
