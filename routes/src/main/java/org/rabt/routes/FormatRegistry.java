package org.rabt.routes;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.cpm.SectorId;

/** The native format of each sector the hub can read from and write to. */
public final class FormatRegistry {

    private final Map<SectorId, SectorFormat> formats = new EnumMap<>(SectorId.class);

    public FormatRegistry(List<SectorFormat> formats) {
        for (SectorFormat format : formats) {
            if (this.formats.put(format.sector(), format) != null) {
                throw new IllegalArgumentException("two formats for " + format.sector().code());
            }
        }
    }

    public Optional<SectorFormat> of(SectorId sector) {
        return Optional.ofNullable(formats.get(sector));
    }

    public boolean has(SectorId sector) {
        return formats.containsKey(sector);
    }
}
