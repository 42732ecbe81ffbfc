package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A sender or receiver: the sector, and where known the organisation and service from the
 * directory of services, and the province (ISO 3166-2:MA code, e.g. {@code MA-TNG}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Party(SectorId sector, String organisation, String service, String provinceCode) {

    public static Party of(SectorId sector) {
        return new Party(sector, null, null, null);
    }
}
