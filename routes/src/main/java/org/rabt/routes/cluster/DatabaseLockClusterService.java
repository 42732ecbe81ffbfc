package org.rabt.routes.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's cluster service on the database every hub node already shares: the leader of a
 * namespace is the node whose session holds PostgreSQL's advisory lock for it.
 *
 * <p>Why hand-written: Camel's cluster services need ZooKeeper, Consul, Kubernetes, Infinispan or
 * JGroups, none of which a province runs, or a file lock, which needs a shared file system with
 * reliable locks. PostgreSQL is already there and its session-level advisory lock has the property
 * a leader lock needs: PostgreSQL releases it as soon as the session ends, so a node killed with
 * {@code kill -9} (its socket closed by the kernel) hands over at the other nodes' next check. A
 * node that loses its database connection gives the lead up at its own next check; the routes
 * that run under the lead (the sweep, the drop directory, child matching, evidence retention) do
 * their work in database transactions, so the short overlap a network partition can cause (until
 * TCP keepalive ends the lost session) does no harm.
 *
 * <p>Each view keeps one database session of its own, outside the connection pool, for as long
 * as it runs: the lock lives with it, and a pooled connection would hand a held lock to whoever
 * borrows it next.
 */
public final class DatabaseLockClusterService extends AbstractCamelClusterService<DatabaseLockClusterService.LockView> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseLockClusterService.class);

    /** Opens a new database session (not a pooled one: see the class comment). */
    @FunctionalInterface
    public interface Sessions {
        Connection open() throws SQLException;
    }

    private final Sessions sessions;
    private final String nodeId;
    private final Duration checkEvery;
    private ScheduledExecutorService scheduler;

    public DatabaseLockClusterService(Sessions sessions, String nodeId, Duration checkEvery) {
        super("rabt-database-lock");
        this.sessions = sessions;
        this.nodeId = nodeId;
        this.checkEvery = checkEvery;
    }

    public String nodeId() {
        return nodeId;
    }

    @Override
    protected LockView createView(String namespace) {
        return new LockView(namespace);
    }

    @Override
    protected void doStart() throws Exception {
        scheduler = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "cluster-lock");
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
    }

    /** The lock's number: the namespace hashed, under a prefix no other lock of the hub uses. */
    static long lockKey(String namespace) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("rabt-cluster:" + namespace).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** One namespace: this node holds its lock, or checks again at every {@code checkEvery}. */
    public final class LockView extends AbstractCamelClusterView {

        private final long key;
        private final Member local = new Member();
        private Connection connection;
        private ScheduledFuture<?> checks;
        private volatile boolean leader;

        LockView(String namespace) {
            super(DatabaseLockClusterService.this, namespace);
            this.key = lockKey(namespace);
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            return leader ? Optional.of(local) : Optional.empty();
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return local;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            // the other nodes are not known here, only whether this one leads
            return List.of(local);
        }

        @Override
        protected void doStart() {
            checks = scheduler.scheduleWithFixedDelay(this::check, 0, checkEvery.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        protected synchronized void doStop() {
            if (checks != null) {
                checks.cancel(false);
            }
            // closing the session releases the lock at once: another node takes over at its next check
            closeSession();
            if (leader) {
                leader = false;
                fireLeadershipChangedEvent(Optional.empty());
            }
        }

        synchronized void check() {
            try {
                if (connection != null && !connection.isValid(validationSeconds())) {
                    lose("its database session is gone");
                }
                if (leader) {
                    return;
                }
                if (connection == null) {
                    connection = sessions.open();
                    connection.setAutoCommit(true);
                }
                if (tryLock()) {
                    leader = true;
                    LOG.info("node {} now runs the single-node routes of '{}'", nodeId, getNamespace());
                    fireLeadershipChangedEvent(local);
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warn("node {} cannot check the lead of '{}': {}", nodeId, getNamespace(), e.getMessage());
                if (leader) {
                    lose("the database does not answer");
                }
                closeSession();
            }
        }

        private boolean tryLock() throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, key);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            }
        }

        private void lose(String why) {
            LOG.warn("node {} gives up the single-node routes of '{}': {}", nodeId, getNamespace(), why);
            closeSession();
            if (leader) {
                leader = false;
                fireLeadershipChangedEvent(Optional.empty());
            }
        }

        private int validationSeconds() {
            return (int) Math.max(1, Math.min(checkEvery.toSeconds(), 5));
        }

        private void closeSession() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the session is gone either way, and its lock with it
                }
                connection = null;
            }
        }

        private final class Member implements CamelClusterMember {

            @Override
            public boolean isLeader() {
                return leader;
            }

            @Override
            public boolean isLocal() {
                return true;
            }

            @Override
            public String getId() {
                return nodeId;
            }
        }
    }
}
