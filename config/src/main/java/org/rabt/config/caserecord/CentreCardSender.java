package org.rabt.config.caserecord;

import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.caserecord.cards.CardRecord;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.caserecord.children.ChildFiles;
import org.rabt.config.staff.StaffAuthorities;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.routes.centre.CentreCardSubmission;
import org.rabt.routes.intake.AcceptedCard;
import org.rabt.security.CryptoUtils;
import org.springframework.security.core.Authentication;

/**
 * Sends a card a member of staff wrote, through the hub's intake like any sector's card, and
 * records who wrote it (the card's own entries name the centre as its sender).
 */
public final class CentreCardSender {

    /** What the staff API answers: the card, its status, and the file it joined. */
    public record Sent(UUID cardId, String status, String receiver, UUID fileId, boolean replay) {
    }

    private final CentreCards cards;
    private final CardStore store;
    private final CentreCardSubmission submission;
    private final ChildFiles files;
    private final AuditStore audit;
    private final Clock clock;

    public CentreCardSender(CentreCards cards, CardStore store, CentreCardSubmission submission, ChildFiles files,
            AuditStore audit, Clock clock) {
        this.cards = cards;
        this.store = store;
        this.submission = submission;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    public Sent send(CentreCardRequest request, String idempotencyKey, Authentication who) {
        // A retried request (a lost answer, a form sent twice) is the card already sent: the card
        // would be built anew (new id, new time), which the intake would refuse as another card
        // under the same key.
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            Optional<CardRecord> sent = store.findByIdempotencyKey(SectorId.CENTRE, idempotencyKey);
            if (sent.isPresent()) {
                return new Sent(sent.get().id(), sent.get().deliveryStatus().code(), sent.get().receiver().code(),
                        files.fileOf(sent.get().childPseudonym()).orElse(null), true);
            }
        }
        ChildProtectionMessage card = cards.build(request);
        byte[] body = submission.body(card);
        AcceptedCard accepted = submission.submit(body, idempotencyKey);
        if (!accepted.replay()) {
            audit.record(clock.instant(), who.getName(), StaffAuthorities.rolesOf(who), "card-written", "centre",
                    accepted.card().id().toString(), "success", null, HexFormat.of().formatHex(CryptoUtils.sha256(body)),
                    accepted.card().type().code() + " card to " + accepted.card().receiver().code());
        }
        return new Sent(accepted.card().id(), accepted.card().deliveryStatus().code(), accepted.card().receiver().code(),
                files.fileOf(accepted.card().childPseudonym()).orElse(null), accepted.replay());
    }
}
