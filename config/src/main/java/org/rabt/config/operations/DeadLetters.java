package org.rabt.config.operations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.caserecord.cards.UndeliveredCard;
import org.rabt.config.staff.StaffAuthorities;
import org.rabt.connectors.SectorQueues;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.routes.exchange.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The dead letters as an operator works with them, through the API or the console alike: each
 * sector's dead-letter queue joined with the case record's facts of its cards (never the child's
 * data), and the replay of one card or of all. Every look and every replay is an audit entry
 * naming the operator; every replay is a step of the card's history, which its sender reads.
 */
public final class DeadLetters {

    public static final String READ = "dead-letters-read";
    public static final String REPLAYED = "dead-letter-replayed";
    static final String REFUSED = "staff-request-refused";
    public static final int DEFAULT_LIMIT = 100;

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    /** A sector's dead-letter queue and how many cards wait in it. */
    public record SectorCount(String sector, String queue, long count) {
    }

    /**
     * A dead letter: the card, its sender, receiver and type, when it was received and last
     * dead-lettered, the delivery attempts made, and the last failure the card's history records.
     * Only {@code cardId} is set for a queue message that names no card of the case record.
     */
    public record DeadLetter(String cardId, SectorId sender, SectorId receiver, String cardType, Instant receivedAt,
            Instant deadLetteredAt, Integer attempts, String lastFailure) {
    }

    /** A sector's dead-letter queue: how many it holds and the first of them, oldest first. */
    public record Listing(SectorId sector, String queue, long count, int limit, List<DeadLetter> items) {
    }

    /** A card put back on its receiver's queue, and its delivery status now. */
    public record Replay(String cardId, String status) {
    }

    private final DeadLetterQueues queues;
    private final CardStore cards;
    private final AuditStore audit;
    private final TransactionOperations transactions;
    private final Clock clock;

    public DeadLetters(DeadLetterQueues queues, CardStore cards, AuditStore audit, TransactionOperations transactions,
            Clock clock) {
        this.queues = queues;
        this.cards = cards;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Every sector's dead-letter queue and its count; the look is audited. */
    public List<SectorCount> counts(Authentication who) {
        List<SectorCount> counts = counts();
        read(who, null, "every sector: " + counts.stream().mapToLong(SectorCount::count).sum() + " dead letters");
        return counts;
    }

    /**
     * Every sector's dead-letter queue and its count, not audited: for the console's sector tabs,
     * shown with a sector's list, whose look is the page's one audit entry.
     */
    public List<SectorCount> counts() {
        List<SectorCount> counts = new ArrayList<>();
        for (SectorId sector : SectorId.values()) {
            counts.add(new SectorCount(sector.code(), SectorQueues.deadLetters(sector), queues.browse(sector, 0).count()));
        }
        return counts;
    }

    /** The first {@code limit} dead letters of a sector (see {@link #limit}), with the queue's count. */
    public Listing list(String sectorCode, int limit, Authentication who) {
        SectorId sector = sector(sectorCode);
        DeadLetterQueues.Browsed browsed = queues.browse(sector, limit);
        List<UUID> ids = browsed.first().stream().map(q -> uuid(q.cardId())).flatMap(Optional::stream).toList();
        Map<UUID, UndeliveredCard> facts = cards.undelivered(ids);
        List<DeadLetter> items = browsed.first().stream().map(queued -> uuid(queued.cardId()).map(facts::get)
                .map(DeadLetters::deadLetter)
                .orElseGet(() -> new DeadLetter(queued.cardId(), null, null, null, null, null, null, null)))
                .toList();
        read(who, sector, sector.code() + ": " + browsed.count() + " dead letters, " + items.size() + " listed");
        return new Listing(sector, SectorQueues.deadLetters(sector), browsed.count(), limit, items);
    }

    /**
     * Puts one card back on its receiver's queue. Order: the database transaction opens first and
     * writes the card's history step and the audit entry (its update holds the card's row); then the
     * broker's move commits (one JMS transaction); then the database transaction commits. So:
     * <ul>
     *   <li>a move that fails (the card is not there, the broker does not answer) rolls the
     *       database back: no history step, no audit entry of a replay that did not happen;</li>
     *   <li>the delivery that follows the move cannot mark the card delivered before the replay's
     *       step is in its history (it waits for the row), so the history reads in the order things
     *       happened;</li>
     *   <li>a database failure in the last step, after the move, loses nothing: the card is on its
     *       queue and will be delivered; the failure is logged and answered as an error, so the
     *       operator knows the replay is missing from the log.</li>
     * </ul>
     */
    public Replay replay(String sectorCode, String cardId, Authentication who) {
        SectorId sector = sector(sectorCode);
        UUID id = uuid(cardId).orElseThrow(() -> new OperationsException(OperationsProblem.NOT_A_DEAD_LETTER, "cardId"));
        Instant now = clock.instant();
        AtomicBoolean moved = new AtomicBoolean();
        try {
            transactions.executeWithoutResult(status -> {
                // false when the card was delivered meanwhile (from another queue entry): it stays delivered
                cards.markReplayed(id, now, "replayed from the dead-letter queue by " + who.getName());
                audit.record(now, who.getName(), StaffAuthorities.rolesOf(who), REPLAYED, sector.code(), id.toString(),
                        "success", null, null, "from " + SectorQueues.deadLetters(sector) + " to "
                                + SectorQueues.outbound(sector));
                if (!queues.replay(sector, id)) {
                    // rolls the history step and the audit entry back
                    throw new OperationsException(OperationsProblem.NOT_A_DEAD_LETTER, "cardId");
                }
                moved.set(true);
            });
        } catch (OperationsException notMoved) {
            throw notMoved;
        } catch (RuntimeException notRecorded) {
            if (moved.get()) {
                LOG.error("card {} is back on {} and will be delivered, but its replay by {} could not be recorded in "
                        + "its history and the audit log", id, SectorQueues.outbound(sector), who.getName(), notRecorded);
            }
            throw notRecorded;
        }
        return new Replay(id.toString(), cards.find(id).map(card -> card.deliveryStatus().code()).orElse(null));
    }

    /**
     * Replays the cards in the sector's dead-letter queue when asked (at most
     * {@link DeadLetterQueues#MAX_LISTED}), each on its own as {@link #replay} does, with its own
     * audit entry. Returns how many were put back; a card another replay took meanwhile is not counted.
     */
    public int replayAll(String sectorCode, Authentication who) {
        SectorId sector = sector(sectorCode);
        int replayed = 0;
        for (DeadLetterQueues.Queued queued : queues.browse(sector, DeadLetterQueues.MAX_LISTED).first()) {
            try {
                replay(sector.code(), queued.cardId(), who);
                replayed++;
            } catch (OperationsException gone) {
                if (gone.problem() != OperationsProblem.NOT_A_DEAD_LETTER) {
                    throw gone;
                }
            }
        }
        return replayed;
    }

    /**
     * The problem a refusal is answered with (API and console alike), recorded in the audit log
     * with the member of staff and the code.
     */
    public Problem refusal(OperationsException refused, String instance, Authentication who) {
        OperationsProblem kind = refused.problem();
        Problem problem = Problem.of(kind.code(), kind.title(), kind.status(), kind.detail(), instance, refused.field());
        audit.record(clock.instant(), who == null ? "staff" : who.getName(),
                who == null ? "staff" : StaffAuthorities.rolesOf(who), REFUSED, null, null, "failure", problem.code(), null,
                instance);
        return problem;
    }

    /** The {@code limit} of a listing: {@link #DEFAULT_LIMIT} when absent, 1 to {@link DeadLetterQueues#MAX_LISTED}. */
    public static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= DeadLetterQueues.MAX_LISTED) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new OperationsException(OperationsProblem.INVALID_LIMIT, "limit");
    }

    /** The sector a path names, or a coded refusal. */
    public static SectorId sector(String code) {
        for (SectorId sector : SectorId.values()) {
            if (sector.code().equals(code)) {
                return sector;
            }
        }
        throw new OperationsException(OperationsProblem.NO_SUCH_SECTOR, "sector");
    }

    private void read(Authentication who, SectorId sector, String what) {
        audit.record(clock.instant(), who.getName(), StaffAuthorities.rolesOf(who), READ,
                sector == null ? null : sector.code(), null, "success", null, null, what);
    }

    private static DeadLetter deadLetter(UndeliveredCard undelivered) {
        var card = undelivered.card();
        return new DeadLetter(card.id().toString(), card.sender(), card.receiver(), card.type().code(), card.receivedAt(),
                undelivered.deadLetteredAt(), card.deliveryAttempts(), undelivered.lastFailure());
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
