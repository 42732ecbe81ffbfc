package org.rabt.config.broker;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * One broker's message count of each queue, asked through Artemis's management API over JMS: one
 * request per queue to the management address ({@code activemq.management}), each reading the
 * queue's {@code messageCount} attribute, all sent at once on one connection, their replies
 * gathered on a temporary queue and told apart by their correlation id (the queue's name, which
 * the broker copies from request to reply).
 *
 * <p>The hub's broker user needs the {@code manage} permission on the management address, and
 * {@code createNonDurableQueue}, {@code consume} and {@code deleteNonDurableQueue} on its temporary
 * reply queue (named by a UUID). Without {@code manage} the first request is refused with a
 * {@code JMSSecurityException} that says so (it waits for the broker's receipt).
 */
final class ManagementQueueCounts implements ClusterQueueDepths.CountReader {

    /** Artemis's default management address ({@code management-address} in broker.xml). */
    static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final String MESSAGE_COUNT = "messageCount";

    private final Duration timeout;

    /** @param timeout how long the broker has to answer every request of one reading */
    ManagementQueueCounts(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * The message count of each queue the broker has (a queue it does not have is left out).
     * Throws when the broker cannot be reached, refuses, or does not answer every request in time.
     */
    @Override
    public Map<String, Long> read(ConnectionFactory broker, List<String> queues) throws JMSException {
        try (Connection connection = broker.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageConsumer answers = session.createConsumer(replies);
            MessageProducer requests = session.createProducer(ActiveMQJMSClient.createQueue(MANAGEMENT_ADDRESS));
            connection.start();
            boolean first = true;
            for (String queue : queues) {
                Message request = session.createMessage();
                JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, MESSAGE_COUNT);
                request.setJMSReplyTo(replies);
                request.setJMSCorrelationID(queue);
                // The first waits for the broker's receipt (a durable send), so a refusal (no
                // manage permission) is an exception that says so, not a silent timeout; the
                // others go without waiting: one round trip for the lot, not one per queue.
                requests.send(request, first ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT,
                        Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
                first = false;
            }
            return gather(answers, queues);
        }
    }

    private Map<String, Long> gather(MessageConsumer answers, List<String> queues) throws JMSException {
        Map<String, Long> counts = new HashMap<>();
        Set<String> waiting = new HashSet<>(queues);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!waiting.isEmpty()) {
            long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            Message reply = left > 0 ? answers.receive(left) : null;
            if (reply == null) {
                throw new JMSException("the broker answered " + (queues.size() - waiting.size()) + " of "
                        + queues.size() + " queue-depth requests within " + timeout.toMillis() + " ms");
            }
            String queue = reply.getJMSCorrelationID();
            if (queue == null || !waiting.remove(queue)) {
                continue;
            }
            // a queue the broker does not have is a failed request: that broker holds none of it
            if (JMSManagementHelper.hasOperationSucceeded(reply)) {
                counts.put(queue, count(reply));
            }
        }
        return counts;
    }

    private static long count(Message reply) throws JMSException {
        Object result;
        try {
            result = JMSManagementHelper.getResult(reply);
        } catch (Exception unreadable) {
            JMSException wrapped = new JMSException("unreadable management reply: " + unreadable.getMessage());
            wrapped.setLinkedException(unreadable);
            throw wrapped;
        }
        if (result instanceof Number number) {
            return number.longValue();
        }
        throw new JMSException("unexpected management reply for messageCount: " + result);
    }
}
