package org.rabt.config.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Several hub nodes side by side ({@code rabt.cluster.*}).
 *
 * @param nodeId    this node's name in logs, metrics and the database's session list; empty: host name and process id
 * @param leadCheck how often a node checks that it still leads, or tries to take the lead: the
 *                  longest a dead leader's single-node routes wait for another node
 */
@ConfigurationProperties("rabt.cluster")
public record ClusterProperties(@DefaultValue("") String nodeId, @DefaultValue("2s") Duration leadCheck) {
}
