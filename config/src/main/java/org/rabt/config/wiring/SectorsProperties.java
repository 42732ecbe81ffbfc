package org.rabt.config.wiring;

import java.util.EnumMap;
import java.util.Map;
import org.rabt.connectors.SectorSettings;
import org.rabt.mappings.cpm.SectorId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Per-sector settings ({@code rabt.sectors.<sector>.delivery-url}, {@code .consumers}). */
@ConfigurationProperties("rabt")
public record SectorsProperties(@DefaultValue Map<SectorId, SectorSettings> sectors) {

    public SectorSettings of(SectorId sector) {
        return sectors.getOrDefault(sector, new SectorSettings(null, null));
    }

    public Map<SectorId, SectorSettings> all() {
        return sectors.isEmpty() ? Map.of() : new EnumMap<>(sectors);
    }
}
