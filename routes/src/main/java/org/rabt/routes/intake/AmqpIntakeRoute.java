package org.rabt.routes.intake;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.rabt.connectors.SectorQueues;
import org.rabt.connectors.exchange.InboundCard;
import org.rabt.connectors.exchange.SectorFormats;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.routes.Endpoints;
import org.rabt.routes.exchange.CardReceipt;
import org.rabt.routes.exchange.Problem;
import org.rabt.routes.exchange.Problems;
import org.rabt.security.envelope.CardEnvelope;

/**
 * Cards that police and gendarmerie systems send over AMQP 1.0 to {@code rabt.<sector>.inbound}:
 * the same intake as HTTP (the address names the sector, which only that sector's certificate may
 * send to; the {@code RabtSignature} property must verify with that sector's key). Each card is
 * answered on {@code rabt.<sector>.replies} (the one queue the sector may read), correlated to
 * the message (the reply's {@code JMSCorrelationID} is the request's, which the sender sets): a
 * receipt, or a problem document. A bad card is answered, not retried; a failure of the hub rolls
 * back and the broker tries again.
 *
 * <p>The body is the signed card sealed for the hub ({@link CardEnvelope}): the broker's journal
 * holds no identity in clear. It is opened here, and from then on the card is handled exactly as
 * one posted over HTTPS; a body that is not sealed for the hub is refused with {@code RABT-I018}.
 * Each sector's route takes its next card only when the sector's rate allows
 * ({@link AmqpSenderThrottle}); the rest waits in the broker.
 *
 * <p>The answers are sealed too, for the sector's registered certificate ({@link CardEnvelope#seal}):
 * a problem document may quote a value of the refused card, and it waits in the broker's journal
 * until the sector reads it. {@code RabtContentType} names what is inside the envelope, and
 * {@code RabtSealed} says whether it is one ({@link AmqpAnswer}: false only when the hub has no
 * certificate of the sector's, and then the answer carries nothing of the card).
 */
public final class AmqpIntakeRoute extends RouteBuilder {

    /** JMS property names cannot hold a hyphen: the signature header's name on AMQP. */
    public static final String SIGNATURE_PROPERTY = "RabtSignature";
    public static final String IDEMPOTENCY_KEY_PROPERTY = "RabtIdempotencyKey";

    private final List<SectorId> sectors;
    private final Problems problems;
    private final CardEnvelope envelope;
    private final AmqpSenderThrottle throttle;
    private final Function<SectorId, Optional<X509Certificate>> replyRecipients;

    /**
     * @param replyRecipients the certificate each sector's answers are sealed for (its registered
     *                        one: the broker admits only that sector's certificates to its queues);
     *                        empty when none is registered
     */
    public AmqpIntakeRoute(List<SectorId> sectors, Problems problems, CardEnvelope envelope,
            AmqpSenderThrottle throttle, Function<SectorId, Optional<X509Certificate>> replyRecipients) {
        this.sectors = List.copyOf(sectors);
        this.problems = problems;
        this.envelope = envelope;
        this.throttle = throttle;
        this.replyRecipients = replyRecipients;
    }

    @Override
    public void configure() {
        for (SectorId sector : sectors) {
            from("jms:queue:" + SectorQueues.inbound(sector) + Endpoints.LISTENER
                    + "&concurrentConsumers=2&maxConcurrentConsumers=2&errorHandlerLoggingLevel=DEBUG")
                    .routeId(sector.code() + "-inbound-amqp")
                    .onException(Exception.class)
                        .onWhen(exchange -> Problems.isRefusal(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)))
                        .handled(true)
                        .logExhausted(false)
                        .process(exchange -> {
                            Problem problem = problems.problemForFailure(
                                    exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class),
                                    SectorQueues.inbound(sector));
                            // the broker admitted only this sector's certificate to this address
                            problems.audit(problem, "amqp:" + sector.code(), sector.code(),
                                    exchange.getIn().getBody(byte[].class));
                            reply(exchange, sector, problem, Problem.MEDIA_TYPE);
                        })
                        .toD("jms:queue:${exchangeProperty.RabtReplyTo}?exchangePattern=InOnly&transacted=true"
                                + "&connectionFactory=#" + Endpoints.CONSUMER_CONNECTION_FACTORY)
                    .end()
                    .process(exchange -> throttle.awaitTurn(sector))
                    .process(exchange -> exchange.getIn().setBody(inboundCard(sector, exchange, envelope)))
                    .to(Endpoints.INTAKE)
                    .process(exchange -> {
                        AcceptedCard accepted = exchange.getIn().getBody(AcceptedCard.class);
                        reply(exchange, sector, new CardReceipt(accepted.card().id().toString(),
                                accepted.card().deliveryStatus().code(),
                                "/exchange/v1/" + sector.code() + "/cards/" + accepted.card().id()), "application/json");
                    })
                    .toD("jms:queue:${exchangeProperty.RabtReplyTo}?exchangePattern=InOnly&transacted=true"
                            + "&connectionFactory=#" + Endpoints.CONSUMER_CONNECTION_FACTORY);
        }
    }

    private static InboundCard inboundCard(SectorId sector, Exchange exchange, CardEnvelope envelope) {
        Message in = exchange.getIn();
        exchange.setProperty("RabtCorrelation", correlation(in));
        exchange.setProperty("RabtReplyTo", SectorQueues.replies(sector));
        byte[] plain = envelope.open(in.getBody(byte[].class));
        return new InboundCard(sector, null, SectorFormats.mediaType(sector),
                in.getHeader(SIGNATURE_PROPERTY, String.class), in.getHeader(IDEMPOTENCY_KEY_PROPERTY, String.class),
                plain);
    }

    /**
     * What the reply is correlated by: the correlation id the sender set (the usual request-reply
     * convention, and the one that survives the AMQP-to-core conversion intact), else the
     * message id as the broker knows it.
     */
    private static String correlation(Message in) {
        String correlation = in.getHeader("JMSCorrelationID", String.class);
        return correlation != null && !correlation.isBlank() ? correlation : in.getHeader("JMSMessageID", String.class);
    }

    private void reply(Exchange exchange, SectorId sector, Object answer, String contentType) {
        if (exchange.getProperty("RabtReplyTo") == null) {
            exchange.setProperty("RabtReplyTo", SectorQueues.replies(sector));
            exchange.setProperty("RabtCorrelation", correlation(exchange.getIn()));
        }
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader("JMSCorrelationID", exchange.getProperty("RabtCorrelation", String.class));
        message.setHeader("RabtContentType", contentType);
        AmqpAnswer sealed = AmqpAnswer.of(answer, sector.code(), () -> replyRecipients.apply(sector));
        message.setHeader("RabtSealed", sealed.sealed());
        message.setBody(sealed.body());
    }

}
