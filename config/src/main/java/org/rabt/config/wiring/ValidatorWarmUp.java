package org.rabt.config.wiring;

import org.rabt.mappings.health.FhirBundleValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Loads HAPI's R4 definitions in the background once the hub is up, so the first health card
 * does not wait for them (several seconds) and start-up does not either.
 */
final class ValidatorWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(ValidatorWarmUp.class);

    private final FhirBundleValidator validator;

    ValidatorWarmUp(FhirBundleValidator validator) {
        this.validator = validator;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUpInBackground() {
        Thread warmUp = new Thread(() -> {
            long start = System.nanoTime();
            validator.warmUp();
            LOG.info("FHIR validator ready in {} ms", (System.nanoTime() - start) / 1_000_000);
        }, "rabt-fhir-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }
}
