package org.rabt.mappings.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.json.SectorJson;

/**
 * Reads the directory file ({@code directory.json}): strict JSON, valid against
 * {@value #SCHEMA} ({@link MappingError#SECTOR_SCHEMA_VIOLATION} naming the location otherwise),
 * then the rules a schema cannot say ({@link MappingError#INVALID_VALUE}): ids are unique, and a
 * service closes after it opens. Thread-safe.
 */
public final class DirectoryJson {

    /** Class-path location of the directory's JSON Schema. */
    public static final String SCHEMA = "/directory/directory-v1.schema.json";

    private final SectorJson json = new SectorJson(SCHEMA);

    public Directory read(byte[] body) {
        Directory directory = json.read(body, Directory.class);
        checkOrganisationIdsAreUnique(directory.organisations());
        checkServiceIdsAreUnique(directory.organisations());
        checkHours(directory.organisations());
        return directory;
    }

    private static void checkOrganisationIdsAreUnique(List<Organisation> organisations) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < organisations.size(); i++) {
            Integer first = seen.putIfAbsent(organisations.get(i).id(), i);
            if (first != null) {
                throw duplicate("/organisations/" + i + "/id", organisations.get(i).id(), "/organisations/" + first);
            }
        }
    }

    /** A service id names the service in cards and in FHIR: it must be unique across the directory. */
    private static void checkServiceIdsAreUnique(List<Organisation> organisations) {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < organisations.size(); i++) {
            List<Service> services = organisations.get(i).services();
            for (int j = 0; j < services.size(); j++) {
                String here = "/organisations/" + i + "/services/" + j;
                String first = seen.putIfAbsent(services.get(j).id(), here);
                if (first != null) {
                    throw duplicate(here + "/id", services.get(j).id(), first);
                }
            }
        }
    }

    private static void checkHours(List<Organisation> organisations) {
        for (int i = 0; i < organisations.size(); i++) {
            List<Service> services = organisations.get(i).services();
            for (int j = 0; j < services.size(); j++) {
                List<OpeningHours> hours = services.get(j).hours();
                for (int k = 0; k < hours.size(); k++) {
                    OpeningHours slot = hours.get(k);
                    if (!slot.roundTheClock() && !slot.closes().isAfter(slot.opens())) {
                        String field = "/organisations/" + i + "/services/" + j + "/hours/" + k + "/closes";
                        throw MappingException.invalid(field, slot.closes() + " is not after the opening time "
                                + slot.opens() + " (a service open around the clock is allDay; a night service "
                                + "is two slots, either side of midnight)");
                    }
                }
            }
        }
    }

    private static MappingException duplicate(String field, String id, String firstAt) {
        return MappingException.invalid(field, "'" + id + "' is already the id of " + firstAt);
    }
}
