package org.rabt.routes.dispatch;

import java.time.Clock;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.caserecord.children.ChildPseudonyms;
import org.rabt.caserecord.cards.DeliverableCard;
import org.rabt.caserecord.cards.DeliveryStatus;
import org.rabt.connectors.DeliverySettings;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.SectorFormat;
import org.rabt.routes.FormatRegistry;
import org.rabt.mappings.cpm.CpmJson;
import org.rabt.mappings.cpm.SectorId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of delivering one queued card to its receiver: load it, write it in the receiver's
 * format, sign it, and record each attempt's outcome in the card's history. The broker owns the
 * retry schedule; this class only decides whether a failure is worth retrying.
 */
public final class CardDelivery {

    static final String CARD_ID = "RabtCardId";
    static final String ATTEMPT = "RabtAttempt";
    static final String ALREADY_DELIVERED = "RabtAlreadyDelivered";
    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private static final Logger LOG = LoggerFactory.getLogger(CardDelivery.class);
    /** Answers by which the receiver refuses the card's content: the same card will be refused again. */
    private static final java.util.Set<Integer> CONTENT_REFUSED = java.util.Set.of(400, 413, 415, 422);
    /** The receiver already holds the card (a resend after a crash): it counts as delivered. */
    public static final int ALREADY_HELD = 409;

    private final CardStore store;
    private final FormatRegistry formats;
    private final BodySigner signer;
    private final DeliverySettings settings;
    private final Clock clock;
    private final ChildPseudonyms pseudonyms;

    public CardDelivery(CardStore store, FormatRegistry formats, BodySigner signer, DeliverySettings settings,
            Clock clock, ChildPseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
        this.store = store;
        this.formats = formats;
        this.signer = signer;
        this.settings = settings;
        this.clock = clock;
    }

    /** Turns the queue message (a card id) into the HTTP request for the receiver. */
    public void prepare(Exchange exchange) {
        Message message = exchange.getIn();
        UUID cardId = UUID.fromString(message.getBody(String.class).trim());
        int attempt = message.getHeader(DELIVERY_COUNT, 1, Integer.class);
        exchange.setProperty(CARD_ID, cardId);
        exchange.setProperty(ATTEMPT, attempt);
        DeliverableCard card = store.findDeliverable(cardId)
                .orElseThrow(() -> new DeliveryFailure("card " + cardId + " is not in the case record"));
        if (card.card().deliveryStatus() == DeliveryStatus.DELIVERED) {
            // A second queue entry of a card already delivered (a resend raced the first entry).
            exchange.setProperty(ALREADY_DELIVERED, true);
            return;
        }
        SectorFormat format = formats.of(card.card().receiver())
                .orElseThrow(() -> new DeliveryFailure("no outbound format for " + card.card().receiver().code()));
        byte[] body = format.fromCpm(pseudonyms.forReceiver(card.card().receiver(), CpmJson.read(card.cpmJson())));
        message.removeHeaders("*");
        message.setHeader(Exchange.CONTENT_TYPE, format.mediaType());
        message.setHeader("Rabt-Card-Id", cardId.toString());
        message.setHeader("Rabt-Signature", signer.signBase64(body));
        message.setBody(body);
    }

    /** A card addressed to the centre: it is in the case record already; taking it off the queue receives it. */
    public void receivedByCentre(Exchange exchange) {
        UUID cardId = UUID.fromString(exchange.getIn().getBody(String.class).trim());
        int attempt = exchange.getIn().getHeader(DELIVERY_COUNT, 1, Integer.class);
        java.time.Instant now = clock.instant();
        if (store.markDelivered(cardId, attempt, now, "received into the centre's case record")) {
            store.reportTaskStatus(cardId, org.rabt.mappings.cpm.TaskStatus.RECEIVED, "reçue par le centre", null, now);
        }
    }

    public void delivered(Exchange exchange) {
        Integer code = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String note = code != null && code == ALREADY_HELD ? " (the receiver already held the card)" : "";
        store.markDelivered(cardId(exchange), attempt(exchange), clock.instant(),
                "HTTP " + code + " from the receiver on attempt " + attempt(exchange) + note);
    }

    /** A failed attempt the broker will retry, unless it was the last one. */
    public void attemptFailed(Exchange exchange) {
        UUID cardId = exchange.getProperty(CARD_ID, UUID.class);
        if (cardId == null) {
            return; // the queue message itself was unreadable; the broker's policy applies
        }
        int attempt = attempt(exchange);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = describe(failure);
        LOG.warn("card {} attempt {}/{} failed: {}", cardId, attempt, settings.maxAttempts(), loggable(failure));
        if (attempt >= settings.maxAttempts()) {
            store.markDeadLettered(cardId, attempt, clock.instant(), "retries exhausted after " + attempt
                    + " attempts; last: " + reason);
        } else {
            store.markFailed(cardId, attempt, clock.instant(), "attempt " + attempt + " of " + settings.maxAttempts()
                    + " failed: " + reason + "; next attempt in about "
                    + settings.delayAfter(attempt).toSeconds() + " s");
        }
    }

    /** A failure no retry will fix: the card goes straight to the dead-letter queue. */
    public void refused(Exchange exchange) {
        UUID cardId = exchange.getProperty(CARD_ID, UUID.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = describe(failure);
        LOG.warn("card {} dead-lettered without retry: {}", cardId, loggable(failure));
        if (cardId != null) {
            store.markDeadLettered(cardId, attempt(exchange), clock.instant(), "not retried: " + reason);
        }
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(cardId == null ? exchange.getIn().getBody(String.class) : cardId.toString());
        if (cardId != null) {
            // as on the outbound queue: an operator's replay finds the card in the dead-letter queue by it
            message.setHeader(CARD_ID, cardId.toString());
        }
    }

    /**
     * Whether retrying could help. The receiver refusing the content itself (400, 413, 415, 422)
     * and a card the hub cannot write in the receiver's format will fail the same way every time;
     * anything else — network trouble, 5xx, and also 401, 403 or 404, which an operator fixing a
     * certificate or an address can cure within the retry window — is retried.
     */
    public static boolean isRetryable(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof HttpOperationFailedException http) {
                return !CONTENT_REFUSED.contains(http.getStatusCode());
            }
            if (current instanceof MappingException || current instanceof DeliveryFailure) {
                return false;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return true;
    }

    /**
     * What went wrong, in words fit for the card's history, which the sender reads: the class of
     * failure, never the receiver's address or a library's message (those go to the hub's log).
     */
    /**
     * The failure for the operator's log: in full, except a mapping failure, whose sentence may quote
     * the card's values (a schema message quotes the name it finds too long): its code and field only.
     */
    static String loggable(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof MappingException mapping) {
                return mapping.code() + " at " + mapping.field() + " (the card's values are not logged)";
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return String.valueOf(failure);
    }

    static String describe(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof HttpOperationFailedException http) {
                return "HTTP " + http.getStatusCode();
            }
            if (current instanceof MappingException mapping) {
                return mapping.code() + " (the hub could not write the card in the receiver's format)";
            }
            if (current instanceof DeliveryFailure delivery) {
                return delivery.getMessage();
            }
            if (current instanceof java.net.ConnectException || current instanceof java.net.NoRouteToHostException) {
                return "the receiver's system refused or did not answer the connection";
            }
            if (current instanceof java.net.SocketTimeoutException
                    || current instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException) {
                return "the receiver's system did not answer in time";
            }
            if (current instanceof java.net.UnknownHostException) {
                return "the receiver's host name could not be resolved";
            }
            if (current instanceof javax.net.ssl.SSLException) {
                return "the TLS connection to the receiver failed";
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return "delivery failed (" + (failure == null ? "unknown cause" : failure.getClass().getSimpleName()) + ")";
    }

    private static UUID cardId(Exchange exchange) {
        return exchange.getProperty(CARD_ID, UUID.class);
    }

    private static int attempt(Exchange exchange) {
        return exchange.getProperty(ATTEMPT, 1, Integer.class);
    }
}
