package org.rabt.config.directory;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.IdType;

/**
 * The directory's services: read, and search by name, service code ({@code service-type}),
 * pathway stage ({@code service-category}, the basket of a stage) and organisation.
 */
public final class HealthcareServiceProvider implements IResourceProvider {

    private final Map<String, HealthcareService> services = new LinkedHashMap<>();

    HealthcareServiceProvider(List<HealthcareService> services) {
        services.forEach(s -> this.services.put(s.getIdElement().getIdPart(), s));
    }

    @Override
    public Class<HealthcareService> getResourceType() {
        return HealthcareService.class;
    }

    @Read
    public HealthcareService read(@IdParam IdType id) {
        HealthcareService service = FhirMatch.copyOf(services, id.getIdPart());
        if (service == null) {
            throw new ResourceNotFoundException(id);
        }
        return service;
    }

    @Search
    public List<HealthcareService> search(
            @OptionalParam(name = IAnyResource.SP_RES_ID) TokenParam id,
            @OptionalParam(name = HealthcareService.SP_NAME) StringParam name,
            @OptionalParam(name = HealthcareService.SP_SERVICE_TYPE) TokenParam type,
            @OptionalParam(name = HealthcareService.SP_SERVICE_CATEGORY) TokenParam stage,
            @OptionalParam(name = HealthcareService.SP_ORGANIZATION) ReferenceParam organization,
            @OptionalParam(name = HealthcareService.SP_IDENTIFIER) TokenParam identifier) {
        return services.values().stream()
                .filter(s -> FhirMatch.id(id, s))
                .filter(s -> FhirMatch.string(name, List.of(s.getName())))
                .filter(s -> FhirMatch.concepts(type, s.getType()))
                .filter(s -> FhirMatch.concepts(stage, s.getCategory()))
                .filter(s -> FhirMatch.reference(organization, "Organization", s.getProvidedBy()))
                .filter(s -> FhirMatch.identifiers(identifier, s.getIdentifier()))
                .map(HealthcareService::copy)
                .toList();
    }
}
