package org.rabt.config.directory;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.rabt.mappings.directory.Directory;
import org.rabt.mappings.directory.DirectoryFhir;
import org.rabt.mappings.directory.DirectoryResources;

/**
 * The directory of services as a read-only FHIR R4 server at {@code /fhir} on {@code server.port},
 * in the spirit of IHE mCSD: Organization, HealthcareService and Endpoint, read and searched in
 * memory; HAPI writes the CapabilityStatement ({@code /fhir/metadata}) from the providers.
 */
final class DirectoryFhirServer extends RestfulServer {

    private static final long serialVersionUID = 1L;

    DirectoryFhirServer(FhirContext context, Directory directory) {
        super(context);
        DirectoryResources resources = DirectoryFhir.toFhir(directory);
        setResourceProviders(List.of(
                new OrganizationProvider(resources.organizations()),
                new HealthcareServiceProvider(resources.healthcareServices()),
                new EndpointProvider(resources.endpoints())));
        setServerName("Rabt directory of services");
        setImplementationDescription("Directory of services of the child-protection mechanism, edition "
                + directory.version() + " (read-only)");
        setDefaultResponseEncoding(EncodingEnum.JSON);
    }
}
