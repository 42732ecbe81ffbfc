package org.rabt.config.wiring;

import ca.uhn.fhir.context.FhirContext;
import org.rabt.mappings.health.FhirBundleValidator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** HAPI's instance validator, only when {@code rabt.health.instance-validation} asks for it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rabt.health.instance-validation", havingValue = "true")
class ValidatorConfiguration {

    @Bean
    FhirBundleValidator fhirBundleValidator() {
        return new FhirBundleValidator(FhirContext.forR4Cached());
    }

    @Bean
    ValidatorWarmUp validatorWarmUp(FhirBundleValidator validator) {
        return new ValidatorWarmUp(validator);
    }
}
