package org.rabt.config.directory;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.IdType;

/** The sectors' deliveries on the exchange: read, and search by name and connection type. */
public final class EndpointProvider implements IResourceProvider {

    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    EndpointProvider(List<Endpoint> endpoints) {
        endpoints.forEach(e -> this.endpoints.put(e.getIdElement().getIdPart(), e));
    }

    @Override
    public Class<Endpoint> getResourceType() {
        return Endpoint.class;
    }

    @Read
    public Endpoint read(@IdParam IdType id) {
        Endpoint endpoint = FhirMatch.copyOf(endpoints, id.getIdPart());
        if (endpoint == null) {
            throw new ResourceNotFoundException(id);
        }
        return endpoint;
    }

    @Search
    public List<Endpoint> search(
            @OptionalParam(name = IAnyResource.SP_RES_ID) TokenParam id,
            @OptionalParam(name = Endpoint.SP_NAME) StringParam name,
            @OptionalParam(name = Endpoint.SP_CONNECTION_TYPE) TokenParam connectionType) {
        return endpoints.values().stream()
                .filter(e -> FhirMatch.id(id, e))
                .filter(e -> FhirMatch.string(name, List.of(e.getName())))
                .filter(e -> FhirMatch.codings(connectionType, List.of(e.getConnectionType())))
                .map(Endpoint::copy)
                .toList();
    }
}
