package org.rabt.config.install;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The training start of {@code rabt.jar install} ({@code --rabt.install.training=true}): once the hub
 * is ready, it stops as an operator's stop would, so every bean is closed (the embedded PostgreSQL
 * and broker among them) and the JVM writes its class-data archive on exit.
 *
 * <p>Spring's own {@code -Dspring.context.exit=onRefresh} was tried first: it exits inside the
 * refresh, before the context is registered for closing, and left the embedded PostgreSQL running.
 */
@Component
@ConditionalOnBooleanProperty("rabt.install.training")
final class TrainingStart implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingStart.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        LOG.info("Training start complete: stopping so that the class-data archive is written");
        // not on the event's thread: exit() closes the context that is publishing the event
        Thread stop = new Thread(() -> System.exit(SpringApplication.exit(event.getApplicationContext())),
                "rabt-training-stop");
        stop.start();
    }
}
