package org.rabt.mappings.directory;

import org.rabt.mappings.cpm.Party;

/** A service together with the organisation that offers it: what a lookup or a routing answers. */
public record OfferedService(Organisation organisation, Service service) {

    /**
     * The card receiver that names this service: its sector, the organisation's French name, the
     * service's directory id and the organisation's province.
     */
    public Party receiver() {
        return new Party(organisation.sector(), organisation.name().fr(), service.id(), organisation.province());
    }
}
