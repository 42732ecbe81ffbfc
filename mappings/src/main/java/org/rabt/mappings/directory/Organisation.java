package org.rabt.mappings.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.health.RabtFhir;

/**
 * A public service of the mechanism (a hospital, a prosecutor's office, a directorate...), with
 * the services it offers and its contact points.
 *
 * @param province where it is (ISO 3166-2:MA)
 * @param national whether it serves every province (the national free line) besides its own;
 *                 absent in the file means false
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Organisation(String id, SectorId sector, Names name, String province, Boolean national,
        Address address, List<ContactPoint> contacts, List<Service> services) {

    public Organisation {
        national = Boolean.TRUE.equals(national);
        contacts = List.copyOf(contacts);
        services = List.copyOf(services);
    }

    /**
     * How the hub reaches it: cards for an organisation travel through its sector's delivery on
     * the exchange, the same {@code urn:rabt:sector:<sector>} a FHIR card names as its destination.
     * Derived, not written in the file, so the two can never disagree.
     */
    @JsonProperty(value = "endpoint", access = JsonProperty.Access.READ_ONLY)
    public String endpoint() {
        return RabtFhir.SECTOR_ENDPOINT_PREFIX + sector.code();
    }

    /** Whether children of {@code provinceCode} can turn to it: it is there, or it is national. */
    public boolean serves(String provinceCode) {
        return national || province.equals(provinceCode);
    }
}
