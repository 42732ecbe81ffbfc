package org.rabt.config.broker;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** {@code /actuator/queues}: cards waiting per sector queue and dead-letter queue, for operators. */
@Endpoint(id = "queues")
public class QueuesEndpoint {

    private final BrokerQueues queues;

    public QueuesEndpoint(BrokerQueues queues) {
        this.queues = queues;
    }

    @ReadOperation
    public Map<String, Long> depths() {
        return queues.depths();
    }
}
