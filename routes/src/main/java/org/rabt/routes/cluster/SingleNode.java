package org.rabt.routes.cluster;

/**
 * Routes that poll shared state run on one hub node at a time: each names this route policy
 * ({@code .routePolicyRef(SingleNode.POLICY)}), a Camel {@code ClusteredRoutePolicy} over
 * {@link #NAMESPACE} that starts them on the node holding the lead and stops them when it loses it.
 * On one node (the embedded default) that node always leads.
 */
public final class SingleNode {

    /** The route policy's name in Camel's registry. */
    public static final String POLICY = "rabtSingleNode";

    /** The cluster namespace whose leader runs the single-node routes. */
    public static final String NAMESPACE = "rabt-single-node-routes";

    private SingleNode() {
    }
}
