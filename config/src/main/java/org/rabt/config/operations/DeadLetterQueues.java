package org.rabt.config.operations;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import org.rabt.connectors.SectorQueues;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.routes.intake.EnqueueRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sectors' dead-letter queues on the broker, through JMS alone: a browser to look, a
 * transacted session to move a card back. Nothing here touches a broker object, so it works the
 * same with the embedded broker and with an external Artemis cluster the hub reaches only as a
 * client. Each call opens its own connection and closes it: these are rare, manual actions.
 *
 * <p>In a broker cluster every broker holds its own part of each dead-letter queue (nothing
 * consumes a dead-letter queue, so nothing redistributes it): the hub is given one connection
 * factory per broker, lists the dead letters of all of them, and replays a card from whichever
 * holds it. A broker that does not answer is left out of a listing (and logged) as long as another
 * answers; if none answers, the call fails with {@code RABT-O003}.
 */
public final class DeadLetterQueues {

    /** The most dead letters one listing (and one "replay all") takes. */
    public static final int MAX_LISTED = 1000;
    /** How far a count walks a queue: far beyond any backlog an operator replays by hand. */
    static final int MAX_COUNTED = 100_000;
    /** Artemis's duplicate-detection property (Message.HDR_DUPLICATE_DETECTION_ID), as EnqueueRoute sets it. */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    static final String CARD_ID = EnqueueRoute.CARD_ID_HEADER;
    /** How long the first receive of a replay waits for the broker to hand the selected message over. */
    private static final long FIRST_RECEIVE_MILLIS = 1_000;
    /** A card is in a dead-letter queue once, rarely a few times (a queue entry duplicated by a crash). */
    private static final int MAX_ENTRIES_PER_CARD = 100;

    /** One message of a dead-letter queue: the card it names (its id as text), or {@code null} if it names none. */
    public record Queued(String cardId) {
    }

    /** What a browse found: how many messages the queue holds and the first of them, oldest first. */
    public record Browsed(long count, List<Queued> first) {
    }

    @FunctionalInterface
    private interface SessionWork<T> {
        T in(Session session) throws JMSException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterQueues.class);

    private final List<ConnectionFactory> brokers;
    private final Clock clock;

    /** @param connections a plain (not session-caching) connection factory of the broker */
    public DeadLetterQueues(ConnectionFactory connections, Clock clock) {
        this(List.of(connections), clock);
    }

    /** @param brokers one plain connection factory per broker of the cluster, each reaching that broker only */
    public DeadLetterQueues(List<ConnectionFactory> brokers, Clock clock) {
        if (brokers.isEmpty()) {
            throw new IllegalArgumentException("no broker");
        }
        this.brokers = List.copyOf(brokers);
        this.clock = clock;
    }

    /** The queue's size over every broker (each counted up to {@link #MAX_COUNTED}) and its first {@code limit} messages. */
    public Browsed browse(SectorId sector, int limit) {
        long count = 0;
        List<Queued> first = new ArrayList<>();
        OperationsException unreachable = null;
        int answered = 0;
        for (int i = 0; i < brokers.size(); i++) {
            try {
                Browsed part = browse(brokers.get(i), sector, limit - first.size());
                count += part.count();
                first.addAll(part.first());
                answered++;
            } catch (OperationsException e) {
                LOG.warn("broker {} of {} did not answer for the dead letters of {}", i + 1, brokers.size(), sector.code());
                unreachable = e;
            }
        }
        if (answered == 0) {
            throw unreachable;
        }
        return new Browsed(count, first);
    }

    /**
     * Replays the card from the broker that holds it (see {@link #replay(ConnectionFactory, SectorId, UUID)}).
     * False when no broker that answers holds it; {@code RABT-O003} when none answers.
     */
    public boolean replay(SectorId sector, UUID cardId) {
        OperationsException unreachable = null;
        int answered = 0;
        for (ConnectionFactory broker : brokers) {
            try {
                if (replay(broker, sector, cardId)) {
                    return true;
                }
                answered++;
            } catch (OperationsException e) {
                unreachable = e;
            }
        }
        if (answered == 0) {
            throw unreachable;
        }
        return false;
    }

    /** One broker's part of the queue: its size (counted up to {@link #MAX_COUNTED}) and its first {@code limit} messages. */
    private static Browsed browse(ConnectionFactory broker, SectorId sector, int limit) {
        return withSession(broker, false, session -> {
            try (QueueBrowser browser = session.createBrowser(session.createQueue(SectorQueues.deadLetters(sector)))) {
                Enumeration<?> messages = browser.getEnumeration();
                List<Queued> first = new ArrayList<>();
                long count = 0;
                while (count < MAX_COUNTED && messages.hasMoreElements()) {
                    Message message = (Message) messages.nextElement();
                    if (first.size() < limit) {
                        first.add(new Queued(cardIdOf(message)));
                    }
                    count++;
                }
                return new Browsed(count, first);
            }
        });
    }

    /**
     * Moves the card from the sector's dead-letter queue back to its outbound queue, in one JMS
     * transaction: the entries taken off the dead-letter queue and the new outbound message commit
     * together, or neither does. Returns false (and moves nothing) when the card is not there.
     * Throws {@link OperationsException} ({@code RABT-O003}) when the broker cannot be reached
     * or the move cannot be committed: then nothing moved.
     */
    private boolean replay(ConnectionFactory broker, SectorId sector, UUID cardId) {
        return withSession(broker, true, session -> {
            // a UUID's text is safe inside a selector's quotes
            String selector = CARD_ID + " = '" + cardId + "'";
            try (MessageConsumer deadLetters = session.createConsumer(
                    session.createQueue(SectorQueues.deadLetters(sector)), selector);
                    MessageProducer outbound = session.createProducer(session.createQueue(SectorQueues.outbound(sector)))) {
                int taken = 0;
                Message entry = deadLetters.receive(FIRST_RECEIVE_MILLIS);
                while (entry != null && taken < MAX_ENTRIES_PER_CARD) {
                    taken++;
                    entry = deadLetters.receiveNoWait();
                }
                if (taken == 0) {
                    session.rollback();
                    return false;
                }
                TextMessage replayed = session.createTextMessage(cardId.toString());
                replayed.setStringProperty(CARD_ID, cardId.toString());
                // A new duplicate-detection id: the broker remembers (in its journal) every id it
                // routed to the outbound address, and this card's own id is among them since it was
                // first queued; a message with that id would be dropped without a word. Made of the
                // card id and the time, it is unique for this replay and still says which card it is.
                replayed.setStringProperty(DUPLICATE_ID, cardId + ":replay:" + clock.millis());
                outbound.send(replayed, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
                session.commit();
                return true;
            }
        });
    }

    /** The card id a queue message carries: its {@code RabtCardId} property, else its text body. */
    private static String cardIdOf(Message message) throws JMSException {
        String property = message.getStringProperty(CARD_ID);
        if (property != null && !property.isBlank()) {
            return property.trim();
        }
        if (message instanceof TextMessage text && text.getText() != null && !text.getText().isBlank()) {
            return text.getText().trim();
        }
        return null;
    }

    private static <T> T withSession(ConnectionFactory broker, boolean transacted, SessionWork<T> work) {
        try (Connection connection = broker.createConnection()) {
            connection.start();
            Session session = transacted
                    ? connection.createSession(true, Session.SESSION_TRANSACTED)
                    : connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            // closing the connection rolls back whatever the work did not commit
            return work.in(session);
        } catch (JMSException | JMSRuntimeException unreachable) {
            throw new OperationsException(OperationsProblem.BROKER_UNREACHABLE, null, unreachable);
        }
    }
}
