package org.rabt.config.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.rabt.mappings.cpm.SectorId;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With the demo's sector systems on, gives every sector that has no
 * {@code rabt.sectors.<sector>.delivery-url} of its own the address of a simulated receiving system
 * ({@link DemoReceivers}), so that the demo's cards are delivered. It must run before the delivery
 * routes are built, which read those addresses once: hence an environment post-processor. Health
 * is left out: the hub delivers to a FHIR server, which a stub would only pretend to be.
 */
public final class DemoReceiversEnvironment implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE = "rabtDemoReceivers";

    private final Log log;

    /** Boot gives a post-processor a log that writes once logging is set up. */
    public DemoReceiversEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(DemoReceiversEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean demo = environment.getProperty("rabt.demo", Boolean.class, false);
        if (!environment.getProperty("rabt.demo-sectors", Boolean.class, demo)
                || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        Map<String, Object> urls = new LinkedHashMap<>();
        List<String> sectors = new ArrayList<>();
        DemoReceivers receivers = null;
        for (SectorId sector : SectorId.values()) {
            String property = "rabt.sectors." + sector.code() + ".delivery-url";
            if (sector == SectorId.CENTRE || sector == SectorId.HEALTH || environment.containsProperty(property)) {
                continue;
            }
            if (receivers == null) {
                receivers = DemoReceivers.start();
            }
            urls.put(property, receivers.url(sector).toString());
            sectors.add(sector.code());
        }
        if (receivers == null) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, urls));
        log.info("Rabt demo: simulated systems at " + receivers.base() + "<sector>/cards"
                + " receive the cards for " + String.join(", ", sectors) + " (no delivery URL of their own)");
        application.addListeners(new StopWithTheApplication(receivers));
    }

    /** Stops the simulated receivers when the application stops, or fails to start. */
    private record StopWithTheApplication(DemoReceivers receivers) implements ApplicationListener<ApplicationEvent> {

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            // a child context's closing reaches its parent's listeners too: only the application's own counts
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext().getParent() == null
                    || event instanceof ApplicationFailedEvent) {
                receivers.close();
            }
        }
    }
}
