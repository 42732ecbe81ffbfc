package org.rabt.routes.exchange;

import java.util.Set;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.rabt.caserecord.cards.CardRecord;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.caserecord.cards.DeliveryStatus;
import org.rabt.connectors.SectorQueues;
import org.rabt.connectors.exchange.ExchangeRequests;
import org.rabt.connectors.exchange.IntakeError;
import org.rabt.connectors.exchange.IntakeException;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.routes.Json;
import org.rabt.routes.intake.AcceptedCard;

/** The exchange API's successful answers: the receipt of a card, and a card's status. */
public final class ExchangeResponses {

    private final ExchangeRequests requests;
    private final CardStore store;
    private final Set<SectorId> deliverableSectors;
    private final String publicUrl;

    /**
     * @param deliverableSectors sectors the hub can deliver to today; cards for the others wait in
     *                           their queue and their status says so
     * @param publicUrl          the exchange API's base URL as sector systems reach it (e.g.
     *                           {@code https://rabt.province.ma:8443}), or empty for relative status
     *                           URLs; never taken from the request, whose Host header the client chose
     */
    public ExchangeResponses(ExchangeRequests requests, CardStore store, Set<SectorId> deliverableSectors,
            String publicUrl) {
        this.requests = requests;
        this.store = store;
        this.deliverableSectors = Set.copyOf(deliverableSectors);
        this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    }

    /**
     * {@code 202}: the card is durably held. A resend gets the same card id and status URL, marked
     * as a replay, with the card's status as it stands now.
     */
    public void accepted(Exchange exchange) {
        AcceptedCard accepted = exchange.getIn().getBody(AcceptedCard.class);
        String statusUrl = publicUrl + "/exchange/v1/" + accepted.card().sender().code() + "/cards/" + accepted.card().id();
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Location", statusUrl);
        if (accepted.replay()) {
            message.setHeader("Idempotent-Replayed", "true");
        }
        message.setBody(Json.bytes(new CardReceipt(accepted.card().id().toString(),
                accepted.card().deliveryStatus().code(), statusUrl)));
    }

    /** {@code GET /exchange/v1/<sector>/cards/<id>}: only the card's sender or receiver may see it. */
    public void status(Exchange exchange) {
        SectorId sector = requests.authenticatedSector(exchange);
        String cardId = exchange.getIn().getHeader("cardId", String.class);
        CardRecord card = parse(cardId).flatMap(store::find).filter(c -> c.concerns(sector))
                // A card of other sectors is "not found": its existence is not the asker's business.
                .orElseThrow(() -> new IntakeException(IntakeError.CARD_NOT_FOUND, "no card " + cardId
                        + " sent by or addressed to " + sector.code()));
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(Json.bytes(view(card)));
    }

    /** {@code 200} to a status report: the card as it now stands. */
    public void reported(Exchange exchange, CardRecord card) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(Json.bytes(view(card)));
    }

    private CardStatusView view(CardRecord card) {
        boolean waiting = card.deliveryStatus() == DeliveryStatus.ACCEPTED && !deliverableSectors.contains(card.receiver());
        return new CardStatusView(card.id().toString(), card.type().code(), card.sender().code(),
                card.receiver().code(), card.deliveryStatus().code(), card.taskStatus().code(),
                card.businessStatus(), card.statusReason(), card.deliveryAttempts(), card.receivedAt(), card.updatedAt(), SectorQueues.outbound(card.receiver()),
                waiting ? "the hub has no delivery connector for " + card.receiver().code()
                        + " yet; the card waits in its queue and will be delivered once one is configured" : null,
                store.history(card.id()).stream()
                        .map(e -> new CardStatusView.Event(e.at(), e.status().code(),
                                e.taskStatus() == null ? null : e.taskStatus().code(), e.detail()))
                        .toList());
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }
}
