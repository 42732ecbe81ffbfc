package org.rabt.mappings.directory;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;

/**
 * The directory as FHIR R4 resources, as {@link DirectoryFhir} makes them. HAPI resources are
 * mutable: a server hands out copies, never these instances.
 */
public record DirectoryResources(List<Organization> organizations, List<HealthcareService> healthcareServices,
        List<Endpoint> endpoints) {

    public DirectoryResources {
        organizations = List.copyOf(organizations);
        healthcareServices = List.copyOf(healthcareServices);
        endpoints = List.copyOf(endpoints);
    }

    /** Every resource: organisations, then services, then endpoints. */
    public List<Resource> all() {
        List<Resource> all = new ArrayList<>(organizations);
        all.addAll(healthcareServices);
        all.addAll(endpoints);
        return all;
    }
}
