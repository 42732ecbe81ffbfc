package org.rabt.routes.exchange;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.rabt.connectors.exchange.ExchangeRequests;
import org.rabt.connectors.exchange.IntakeError;
import org.rabt.connectors.exchange.IntakeException;
import org.rabt.mappings.MappingException;
import org.rabt.routes.Json;
import org.rabt.routes.audit.RejectionAudit;
import org.rabt.security.CryptoUtils;
import org.rabt.security.SecurityViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever stopped a request into the sender's answer: a problem document with a stable
 * code and a sentence to act on, never a stack trace. Unexpected failures get an incident id
 * that points to the hub's log.
 */
public final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    /** Rejections are security-relevant events; the audit log (a later issue) will chain them. */
    private static final Logger AUDIT = LoggerFactory.getLogger("org.rabt.audit");

    private final RejectionAudit audit;
    private final Clock clock;

    public Problems() {
        this(RejectionAudit.NONE, Clock.systemUTC());
    }

    public Problems(RejectionAudit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a refusal in the audit log: who (the certificate subject), which sector the request
     * claimed, the code, and the SHA-256 of what was refused — never the body itself. A refusal
     * that cannot be recorded (the database down) is still answered; the log line says so.
     */
    public void audit(Problem problem, X509Certificate certificate, String sector, byte[] body) {
        audit(problem, certificate == null ? "unauthenticated" : certificate.getSubjectX500Principal().getName(),
                sector, body);
    }

    /** As {@link #audit(Problem, X509Certificate, String, byte[])} for a caller authenticated otherwise. */
    public void audit(Problem problem, String actor, String sector, byte[] body) {
        try {
            audit.rejected(clock.instant(), actor, sector, problem.code(), body == null || body.length == 0 ? null
                    : HexFormat.of().formatHex(CryptoUtils.sha256(body)), problem.instance());
        } catch (RuntimeException e) {
            LOG.warn("could not write the audit entry of refusal {} at {}", problem.code(), problem.instance(), e);
        }
    }

    public Problem problemFor(Throwable failure, String instance) {
        if (failure instanceof IntakeException intake) {
            return Problem.of(intake.error().code(), intake.error().title(), intake.error().httpStatus(),
                    intake.detail(), instance, null);
        }
        if (failure instanceof SecurityViolation violation) {
            return Problem.of(violation.code(), violation.title(), statusOf(violation.code()), violation.detail(),
                    instance, null);
        }
        if (failure instanceof MappingException mapping) {
            int status = switch (mapping.error()) {
                case UNPARSEABLE -> 400;
                case OUTBOUND_SCHEMA_VIOLATION -> 500;
                default -> 422;
            };
            return Problem.of(mapping.code(), mapping.error().title(), status, mapping.detail(), instance,
                    mapping.field());
        }
        if (causedByBroker(failure)) {
            IntakeError error = IntakeError.QUEUE_UNAVAILABLE;
            LOG.warn("broker unavailable while handling {}", instance, failure);
            return Problem.of(error.code(), error.title(), error.httpStatus(), "the card could not be queued; "
                    + "send it again with the same card id (the hub will not duplicate it)", instance, null);
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("incident {} while handling {}", incident, instance, failure);
        return Problem.of("RABT-H500", "Internal error", 500, "the hub could not finish processing the request; "
                + "send it again with the same card id (the hub never duplicates a card), and quote incident "
                + incident + " if it persists", instance, null);
    }

    /** Processor for a route's {@code onException}: writes the problem as the HTTP answer. */
    public void write(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String instance = exchange.getIn().getHeader(Exchange.HTTP_PATH, String.class);
        Problem problem = problemFor(unwrap(failure), instance);
        // the detail goes to the sender only: it may quote the card's values (a name, a birth date)
        AUDIT.info("rejected path={} code={} status={} field={}", instance, problem.code(), problem.status(),
                problem.field());
        audit(problem, certificateOf(exchange.getIn()), exchange.getIn().getHeader("sector", String.class),
                exchange.getIn().getBody(byte[].class));
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        message.setHeader(Exchange.CONTENT_TYPE, Problem.MEDIA_TYPE);
        message.setBody(Json.bytes(problem));
    }

    /** Whether the failure is a coded refusal of the sender's input (not an infrastructure failure). */
    public static boolean isRefusal(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof IntakeException || cause instanceof SecurityViolation || cause instanceof MappingException;
    }

    /** The problem document for a failure, unwrapped from Camel's wrapping. */
    public Problem problemForFailure(Throwable failure, String instance) {
        return problemFor(unwrap(failure), instance);
    }

    private static X509Certificate certificateOf(Message in) {
        return in instanceof PlatformHttpMessage http ? ExchangeRequests.clientCertificate(http.getRequest()) : null;
    }

    private static boolean causedByBroker(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof jakarta.jms.JMSException || current instanceof org.springframework.jms.JmsException) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }

    private static int statusOf(String securityCode) {
        return switch (securityCode) {
            case "RABT-S001", "RABT-S002", "RABT-S003", "RABT-I018" -> 400;
            default -> 403;
        };
    }

    /** Camel wraps a bean's exception; the coded one is what the sender needs. */
    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current != null && !(current instanceof IntakeException || current instanceof SecurityViolation
                || current instanceof MappingException) && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current instanceof IntakeException || current instanceof SecurityViolation
                || current instanceof MappingException ? current : failure;
    }
}
