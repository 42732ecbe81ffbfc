package org.rabt.config.wiring;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.health.FhirBundleValidator;
import org.rabt.mappings.health.HealthFormat;
import org.rabt.mappings.education.EducationFormat;
import org.rabt.mappings.freeline.FreelineFormat;
import org.rabt.mappings.gendarmerie.GendarmerieFormat;
import org.rabt.mappings.labour.LabourFormat;
import org.rabt.mappings.police.PoliceFormat;
import org.rabt.mappings.social.SocialFormat;
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
        CompletableFuture<HealthFormat> format = CompletableFuture.supplyAsync(
                () -> new HealthFormat(FhirContext.forR4Cached(), instanceValidator));
        return new SectorFormat() {
            @Override
            public SectorId sector() {
                return SectorId.HEALTH;
            }

            @Override
            public String mediaType() {
                return HealthFormat.MEDIA_TYPE;
            }

            @Override
            public ChildProtectionMessage toCpm(byte[] body) {
                return format.join().toCpm(body);
            }

            @Override
            public byte[] fromCpm(ChildProtectionMessage cpm) {
                return format.join().fromCpm(cpm);
            }

            @Override
            public StatusReport readStatus(byte[] body) {
                return format.join().readStatus(body);
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
    SectorFormat policeFormat() {
        return new PoliceFormat();
    }

    @Bean
    SectorFormat gendarmerieFormat() {
        return new GendarmerieFormat();
    }

    @Bean
    SectorFormat labourFormat() {
        return new LabourFormat();
    }

    @Bean
    SectorFormat socialFormat() {
        return new SocialFormat();
    }

    /** The centre's cards, built by the staff API (CPM JSON, signed by the hub). */
    @Bean
    SectorFormat centreFormat() {
        return new org.rabt.mappings.centre.CentreFormat();
    }

    @Bean
    SectorFormat freelineFormat() {
        return new FreelineFormat();
    }
}
