package org.rabt.config.broker;

import java.security.Principal;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.function.Predicate;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.remoting.CertificateUtil;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.rabt.connectors.SectorQueues;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.rabt.security.pki.SectorIdentity;

/**
 * Who may do what on the embedded broker. The hub itself connects in-VM and may do anything. A
 * sector system connects over AMQP with its client certificate (TLS, issued by the hub's CA); it
 * may send to its own inbound address and read its own replies, nothing else: no other sector's
 * queue, no queue creation, no management. Everyone else, and a revoked certificate, is refused at login.
 */
public final class SectorBrokerSecurity implements ActiveMQSecurityManager5 {

    private static final Logger LOG = LoggerFactory.getLogger(SectorBrokerSecurity.class);

    private final Set<String> knownSectors;
    private final Set<SectorId> amqpSectors;
    private final Predicate<X509Certificate> revoked;

    /**
     * @param revoked whether a client certificate is on the revocation list: asked at every login,
     *                since the acceptor's TLS trust is fixed when the broker starts
     */
    public SectorBrokerSecurity(Set<String> knownSectors, Set<SectorId> amqpSectors, Predicate<X509Certificate> revoked) {
        this.knownSectors = Set.copyOf(knownSectors);
        this.amqpSectors = Set.copyOf(amqpSectors);
        this.revoked = revoked;
    }

    /** Who is connected: the hub, or one sector. */
    record BrokerPrincipal(String name, SectorId sector) implements Principal {

        static BrokerPrincipal hub() {
            return new BrokerPrincipal("rabt-hub", null);
        }

        boolean isHub() {
            return sector == null;
        }

        @Override
        public String getName() {
            return name;
        }
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        if (connection != null && connection.getTransportConnection() instanceof InVMConnection) {
            return subject(BrokerPrincipal.hub());
        }
        X509Certificate[] certificates = connection == null ? null : CertificateUtil.getCertsFromConnection(connection);
        if (certificates == null || certificates.length == 0) {
            return null;
        }
        if (isRevoked(certificates[0])) {
            LOG.warn("AMQP login refused: {} the certificate {} (serial {}) is revoked", SecurityError.CERTIFICATE_REVOKED.code(),
                    certificates[0].getSubjectX500Principal().getName(), certificates[0].getSerialNumber().toString(16));
            return null;
        }
        try {
            SectorId sector = SectorId.fromCode(SectorIdentity.sectorOf(certificates[0], knownSectors));
            return amqpSectors.contains(sector) ? subject(new BrokerPrincipal(sector.code(), sector)) : null;
        } catch (SecurityViolation | org.rabt.mappings.MappingException notASector) {
            return null;
        }
    }

    /** Fails closed: an unreadable revocation list lets nobody in. */
    private boolean isRevoked(X509Certificate certificate) {
        try {
            return revoked.test(certificate);
        } catch (RuntimeException unreadableList) {
            LOG.error("AMQP login refused: the revocation list cannot be consulted", unreadableList);
            return true;
        }
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        BrokerPrincipal principal = subject == null ? null
                : subject.getPrincipals(BrokerPrincipal.class).stream().findFirst().orElse(null);
        if (principal == null) {
            return false;
        }
        if (principal.isHub()) {
            return true;
        }
        // the address may come as "address::queue"; a sector's own address and queue share a name
        String plainAddress = address == null ? "" : address;
        String queue = plainAddress;
        int separator = plainAddress.indexOf("::");
        if (separator >= 0) {
            queue = plainAddress.substring(separator + 2);
            plainAddress = plainAddress.substring(0, separator);
        }
        SectorId sector = principal.sector();
        return switch (checkType) {
            case SEND -> plainAddress.equals(SectorQueues.inbound(sector));
            case CONSUME, BROWSE -> queue.equals(SectorQueues.replies(sector)) || plainAddress.equals(SectorQueues.replies(sector));
            default -> false;
        };
    }

    @Override
    public boolean validateUser(String user, String password) {
        return false;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return false;
    }

    private static Subject subject(BrokerPrincipal principal) {
        Subject subject = new Subject();
        subject.getPrincipals().add(principal);
        // Artemis takes the user's name from its own UserPrincipal (and refuses a subject without
        // one); the name also keys its authorisation cache, so the hub and each sector stay apart
        subject.getPrincipals().add(new UserPrincipal(principal.getName()));
        return subject;
    }
}
