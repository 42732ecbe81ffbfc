package org.rabt.config.directory;

import ca.uhn.fhir.context.FhirContext;
import org.rabt.mappings.directory.Directory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * The directory of services: loaded and validated once at start from
 * {@code rabt.directory.location} (a bad file stops the start), served as JSON at
 * {@code /api/v1/directory} ({@link DirectoryController}) and as FHIR at {@code /fhir/*}.
 */
@Configuration(proxyBeanMethods = false)
public class DirectoryConfiguration {

    /** Where the FHIR servlet answers, on {@code server.port}. */
    static final String FHIR_MAPPING = "/fhir/*";

    @Bean
    Directory directory(DirectoryProperties properties, ResourceLoader resources) {
        return new DirectoryLoader(resources).load(properties.location());
    }

    /**
     * Registered here rather than exposed as a bean: Spring Boot would map a bare servlet bean
     * to a path of its own. HAPI initialises it on the first request, so start-up does not wait
     * for its model of the three resource types.
     */
    @Bean
    ServletRegistrationBean<DirectoryFhirServer> directoryFhirServlet(Directory directory) {
        ServletRegistrationBean<DirectoryFhirServer> registration =
                new ServletRegistrationBean<>(new DirectoryFhirServer(FhirContext.forR4Cached(), directory), FHIR_MAPPING);
        registration.setName("directory-fhir");
        return registration;
    }
}
