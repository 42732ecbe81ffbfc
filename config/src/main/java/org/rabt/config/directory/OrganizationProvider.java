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
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PrimitiveType;

/** The directory's organisations: read, and search by name (or Arabic alias), sector, province. */
public final class OrganizationProvider implements IResourceProvider {

    private final Map<String, Organization> organizations = new LinkedHashMap<>();

    OrganizationProvider(List<Organization> organizations) {
        organizations.forEach(o -> this.organizations.put(o.getIdElement().getIdPart(), o));
    }

    @Override
    public Class<Organization> getResourceType() {
        return Organization.class;
    }

    @Read
    public Organization read(@IdParam IdType id) {
        Organization organization = FhirMatch.copyOf(organizations, id.getIdPart());
        if (organization == null) {
            throw new ResourceNotFoundException(id);
        }
        return organization;
    }

    /** {@code type} is the sector ({@code https://rabt.ma/fhir/CodeSystem/sector}); {@code address-state} the province. */
    @Search
    public List<Organization> search(
            @OptionalParam(name = IAnyResource.SP_RES_ID) TokenParam id,
            @OptionalParam(name = Organization.SP_NAME) StringParam name,
            @OptionalParam(name = Organization.SP_TYPE) TokenParam type,
            @OptionalParam(name = Organization.SP_ADDRESS_STATE) StringParam province,
            @OptionalParam(name = Organization.SP_IDENTIFIER) TokenParam identifier) {
        return organizations.values().stream()
                .filter(o -> FhirMatch.id(id, o))
                .filter(o -> FhirMatch.string(name, names(o)))
                .filter(o -> FhirMatch.concepts(type, o.getType()))
                .filter(o -> FhirMatch.string(province, o.getAddress().stream().map(a -> a.getState()).toList()))
                .filter(o -> FhirMatch.identifiers(identifier, o.getIdentifier()))
                .map(Organization::copy)
                .toList();
    }

    /** FHIR's {@code name} parameter of Organization covers {@code name | alias}. */
    private static List<String> names(Organization organization) {
        return Stream.concat(Stream.of(organization.getName()), organization.getAlias().stream().map(PrimitiveType::getValue))
                .toList();
    }
}
