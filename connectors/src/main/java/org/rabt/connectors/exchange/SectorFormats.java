package org.rabt.connectors.exchange;

import java.util.Locale;
import org.rabt.mappings.cpm.SectorId;

/** The media type each sector's native format travels as on the exchange API. */
public final class SectorFormats {

    private SectorFormats() {
    }

    public static String mediaType(SectorId sector) {
        return switch (sector) {
            case HEALTH -> "application/fhir+json";
            case JUSTICE -> "application/xml";
            case EDUCATION, LABOUR, POLICE, GENDARMERIE, SOCIAL, FREELINE, CENTRE -> "application/json";
        };
    }

    /**
     * Whether a {@code Content-Type} header names the sector's media type. Parameters are allowed
     * ({@code charset=utf-8}, FHIR's {@code fhirVersion=4.0}) but another charset is not: signatures
     * are over bytes, and the formats are UTF-8.
     */
    public static boolean accepts(SectorId sector, String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase(mediaType(sector))) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
            if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")
                    && !parameter.equals("charset=\"utf-8\"")) {
                return false;
            }
        }
        return true;
    }
}
