package org.rabt.mappings.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.rabt.mappings.cpm.PathwayStage;

/**
 * A service an organisation offers to children and families.
 *
 * @param id          the service's id in the directory (a card's sender or receiver {@code service})
 * @param code        what the service is, a code of {@code https://rabt.ma/fhir/CodeSystem/service}
 *                    (the {@code serviceCode} a card requests); several organisations offer the same code
 * @param stages      the pathway stages whose basket of services holds it
 * @param eligibility who may use it, in French, or {@code null}
 * @param hoursNote   exceptions to the hours (Ramadan, on-call duty), in French, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Service(String id, String code, Names name, List<PathwayStage> stages, String eligibility,
        List<OpeningHours> hours, String hoursNote, String phone, String email) {

    public Service {
        stages = List.copyOf(stages);
        hours = List.copyOf(hours);
    }

    public boolean belongsTo(PathwayStage stage) {
        return stages.contains(stage);
    }
}
