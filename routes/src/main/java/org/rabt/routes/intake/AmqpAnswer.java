package org.rabt.routes.intake;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.Supplier;
import org.rabt.routes.Json;
import org.rabt.routes.exchange.Problem;
import org.rabt.security.envelope.CardEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of an answer on a sector's replies queue, which waits in the broker's journal until the
 * sector reads it: sealed for the sector's certificate ({@link CardEnvelope}). When the hub has no
 * certificate registered for the sector (an operator's error, logged), the answer goes all the same,
 * so that the card is answered once and not retried into the dead-letter queue, but with nothing
 * of the card in it: a receipt names no child, and a problem keeps its type, title, status, code
 * and the queue it answers, and loses its detail and field. Any other failure to seal is the hub's
 * and propagates: the card is rolled back and tried again.
 *
 * @param body   what is sent
 * @param sealed whether {@code body} is the sealed envelope (the {@code RabtSealed} property)
 */
record AmqpAnswer(byte[] body, boolean sealed) {

    private static final Logger LOG = LoggerFactory.getLogger(AmqpAnswer.class);

    static final String WITHHELD = "The detail is withheld: the hub has no certificate of yours to seal its answer for. "
            + "Ask the hub operator to check your sector's enrolment (java -jar rabt.jar pki enrol).";

    /**
     * @param answer    a {@link Problem} or a receipt, written as JSON
     * @param recipient the sector's registered certificate, empty when it has none
     */
    static AmqpAnswer of(Object answer, String sector, Supplier<Optional<X509Certificate>> recipient) {
        byte[] json = Json.bytes(answer);
        Optional<X509Certificate> certificate = recipient.get();
        if (certificate.isPresent()) {
            return new AmqpAnswer(CardEnvelope.seal(json, certificate.get()), true);
        }
        LOG.error("no certificate is registered for sector {}: its AMQP answer is sent unsealed, without the card's "
                + "details", sector);
        Object withoutValues = answer instanceof Problem problem
                ? Problem.of(problem.code(), problem.title(), problem.status(), WITHHELD, problem.instance(), null)
                : answer;
        return new AmqpAnswer(Json.bytes(withoutValues), false);
    }
}
