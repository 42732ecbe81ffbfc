package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.rabt.mappings.MappingException;

/** The six stages of the protection pathway; carried as their number (1 to 6). */
public enum PathwayStage {
    DETECTION(1),
    IMMEDIATE_ASSISTANCE(2),
    INITIAL_DIAGNOSIS(3),
    ACCOMPANIMENT_AND_CARE(4),
    REHABILITATION_AND_REINTEGRATION(5),
    FOLLOW_UP(6);

    private final int number;

    PathwayStage(int number) {
        this.number = number;
    }

    @JsonValue
    public int number() {
        return number;
    }

    @JsonCreator
    public static PathwayStage of(int number) {
        if (number < 1 || number > 6) {
            throw MappingException.invalid("pathway.stage", number + " is not a stage of the pathway (1 to 6)");
        }
        return values()[number - 1];
    }
}
