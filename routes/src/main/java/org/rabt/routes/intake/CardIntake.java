package org.rabt.routes.intake;

import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import org.rabt.caserecord.cards.Admission;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.caserecord.cards.DeliveryStatus;
import org.rabt.caserecord.cards.NewCard;
import org.rabt.caserecord.children.ChildPseudonyms;
import org.rabt.connectors.SectorQueues;
import org.rabt.connectors.exchange.InboundCard;
import org.rabt.connectors.exchange.IntakeError;
import org.rabt.connectors.exchange.IntakeException;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.SectorFormat;
import org.rabt.routes.FormatRegistry;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.CpmJson;
import org.rabt.mappings.cpm.CpmSchema;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.security.CryptoUtils;
import tools.jackson.databind.JsonNode;

/**
 * The steps of accepting a card, whatever transport brought it: verify the signature, map the
 * native payload to the shared message, give the child its pseudonym, validate, and store the
 * card with its evidence. Each step throws a coded exception that becomes the sender's answer;
 * nothing is stored unless every step before storage passed.
 */
public final class CardIntake {

    private final SignatureCheck signatures;
    private final FormatRegistry formats;
    private final ChildPseudonyms pseudonyms;
    private final CpmSchema schema;
    private final CardStore store;
    private final Clock clock;

    public CardIntake(SignatureCheck signatures, FormatRegistry formats, ChildPseudonyms pseudonyms, CpmSchema schema,
            CardStore store, Clock clock) {
        this.signatures = signatures;
        this.formats = formats;
        this.pseudonyms = pseudonyms;
        this.schema = schema;
        this.store = store;
        this.clock = clock;
    }

    public InboundCard verify(InboundCard card) {
        signatures.verify(card);
        return card;
    }

    public MappedCard map(InboundCard card) {
        SectorFormat format = formats.of(card.sender()).orElseThrow(() -> new IntakeException(
                IntakeError.UNSUPPORTED_SECTOR_FORMAT, "the hub does not read " + card.sender().code()
                        + "'s format yet; the card was not accepted"));
        ChildProtectionMessage cpm = format.toCpm(card.body());
        Header header = cpm.header();
        if (header.sender().sector() != card.sender()) {
            throw MappingException.invalid("header.sender.sector", "the card says it comes from "
                    + header.sender().sector().code() + " but was sent by " + card.sender().code());
        }
        // A card the centre writes about a child it knows carries that child's pseudonym already
        // (the hub wrote it, from the file); only the hub can send as the centre.
        boolean centreKnowsChild = card.sender() == SectorId.CENTRE && cpm.child() != null && cpm.child().pseudonym() != null;
        ChildProtectionMessage pseudonymised = centreKnowsChild ? cpm : pseudonyms.assign(cpm);
        JsonNode tree = CpmJson.tree(pseudonymised);
        schema.validate(tree);
        return new MappedCard(card, pseudonymised, CpmJson.write(tree));
    }

    public AcceptedCard admit(MappedCard mapped) {
        InboundCard inbound = mapped.inbound();
        Header header = mapped.cpm().header();
        SectorId receiver = header.receiver().sector();
        NewCard card = new NewCard(header.messageId(), inbound.sender(), receiver, header.cardType(),
                mapped.cpm().child().pseudonym(), mapped.cpm().status().status(), inbound.idempotencyKey(),
                HexFormat.of().formatHex(CryptoUtils.sha256(inbound.body())), inbound.contentType(), inbound.body(),
                Base64.getMimeDecoder().decode(inbound.signature()), mapped.cpmJson(), clock.instant(),
                pseudonyms.caseFacts(mapped.cpm()));
        Admission admission = store.admit(card, "queued on " + SectorQueues.outbound(receiver));
        if (admission instanceof Admission.AlreadyKnown known) {
            return replayOf(known, card);
        }
        return new AcceptedCard(admission.card(), false, true);
    }

    private static AcceptedCard replayOf(Admission.AlreadyKnown known, NewCard card) {
        boolean sameSender = known.card().sender() == card.sender();
        if (!known.sameBody() || !sameSender) {
            if (sameSender && !known.card().id().equals(card.id())) {
                throw new IntakeException(IntakeError.IDEMPOTENCY_KEY_CONFLICT, "Idempotency-Key '"
                        + card.idempotencyKey() + "' was already used for card " + known.card().id()
                        + "; use a new key for a new card");
            }
            throw new IntakeException(IntakeError.CARD_ID_CONFLICT, "card id " + card.id()
                    + " was already used for a different card; a new card needs a new identifier");
        }
        // A resend of a card still on its way is queued again: if the first attempt stored it but
        // crashed before queuing, this puts it on the queue; otherwise the broker drops the duplicate.
        DeliveryStatus status = known.card().deliveryStatus();
        boolean pending = status == DeliveryStatus.ACCEPTED || status == DeliveryStatus.FAILED
                || status == DeliveryStatus.REPLAYED;
        return new AcceptedCard(known.card(), true, pending);
    }
}
