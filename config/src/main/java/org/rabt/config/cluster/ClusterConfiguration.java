package org.rabt.config.cluster;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.DriverManager;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.rabt.routes.cluster.DatabaseLockClusterService;
import org.rabt.routes.cluster.SingleNode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Any number of hub nodes may share one broker and one database: the routes that poll shared
 * state (see {@link SingleNode}) run under Camel's {@link ClusteredRoutePolicy} on the node that
 * holds the database lock ({@link DatabaseLockClusterService}); every other route runs on every node.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterConfiguration {

    @Bean
    DatabaseLockClusterService clusterService(DataSource dataSource, ClusterProperties properties) {
        String nodeId = properties.nodeId().isBlank() ? defaultNodeId() : properties.nodeId();
        return new DatabaseLockClusterService(() -> openSession(dataSource, nodeId), nodeId, properties.leadCheck());
    }

    @Bean(SingleNode.POLICY)
    RoutePolicy singleNodeRoutePolicy(DatabaseLockClusterService clusterService) throws Exception {
        return ClusteredRoutePolicy.forNamespace(clusterService, SingleNode.NAMESPACE);
    }

    @Bean
    CamelContextConfiguration clusterServiceInCamel(DatabaseLockClusterService clusterService) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                try {
                    if (!camelContext.hasService(clusterService)) {
                        camelContext.addService(clusterService);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("cannot add the cluster service to Camel", e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing: the policy starts the single-node routes once this node leads
            }
        };
    }

    /** 1 while this node runs the single-node routes: exactly one node of a healthy cluster says 1. */
    @Bean
    Gauge clusterLeaderGauge(MeterRegistry registry, DatabaseLockClusterService clusterService) {
        return Gauge.builder("rabt.cluster.leader", clusterService,
                        service -> service.getNamespaces().contains(SingleNode.NAMESPACE)
                                && service.isLeader(SingleNode.NAMESPACE) ? 1 : 0)
                .description("1 while this hub node runs the single-node routes (sweep, drop directory, matching, retention)")
                .tag("node", clusterService.nodeId())
                .register(registry);
    }

    /**
     * A database session of its own (see {@link DatabaseLockClusterService}): with the pool's own
     * settings, named after the node so that {@code pg_stat_activity} shows who leads.
     */
    private static java.sql.Connection openSession(DataSource dataSource, String nodeId) throws java.sql.SQLException {
        if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            Properties properties = new Properties();
            properties.putAll(hikari.getDataSourceProperties());
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            properties.setProperty("ApplicationName", "rabt " + nodeId + " (lead)");
            // a partitioned node's session must end, and its lock with it, without waiting hours for TCP
            properties.setProperty("tcpKeepAlive", "true");
            return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        }
        throw new IllegalStateException("the cluster lock needs the hub's own connection settings (a Hikari pool), not "
                + dataSource.getClass().getName());
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
