package org.rabt.config.wiring;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.rabt.connectors.exchange.IntakeError;
import org.rabt.connectors.exchange.IntakeException;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.health.FhirBundleValidator;
import org.rabt.mappings.health.FhirReferralMapper;
import org.rabt.mappings.education.EducationFormat;
import org.rabt.mappings.freeline.FreelineFormat;
import org.rabt.mappings.justice.JusticeFormat;
import org.rabt.routes.FormatRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The native format of every sector, as the routes find them. */
@Configuration(proxyBeanMethods = false)
public class FormatsConfiguration {

    @Bean
    FormatRegistry formatRegistry(List<SectorFormat> formats) {
        return new FormatRegistry(formats);
    }

    /**
     * HAPI's R4 model takes seconds to load: it loads in the background while the rest of the hub
     * starts, and a health card arriving before it is ready waits for it rather than fail.
     */
    @Bean
    SectorFormat healthFormat(HealthProperties health, ObjectProvider<FhirBundleValidator> validator) {
        FhirBundleValidator instanceValidator = health.instanceValidation() ? validator.getObject() : null;
        CompletableFuture<FhirReferralMapper> mapper = CompletableFuture.supplyAsync(
                () -> new FhirReferralMapper(FhirContext.forR4Cached(), instanceValidator));
        return new SectorFormat() {
            @Override
            public SectorId sector() {
                return SectorId.HEALTH;
            }

            @Override
            public String mediaType() {
                return "application/fhir+json";
            }

            @Override
            public ChildProtectionMessage toCpm(byte[] body) {
                return mapper.join().toCpm(body);
            }

            @Override
            public byte[] fromCpm(ChildProtectionMessage cpm) {
                throw new MappingException(MappingError.OUTBOUND_SCHEMA_VIOLATION, null, "no health outbound yet");
            }

            @Override
            public StatusReport readStatus(byte[] body) {
                throw new IntakeException(IntakeError.UNSUPPORTED_SECTOR_FORMAT, "no health status yet");
            }
        };
    }

    @Bean
    SectorFormat justiceFormat() {
        return new JusticeFormat();
    }

    @Bean
    SectorFormat educationFormat() {
        return new EducationFormat();
    }

    @Bean
    SectorFormat freelineFormat() {
        return new FreelineFormat();
    }
}
