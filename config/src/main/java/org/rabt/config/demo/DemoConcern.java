package org.rabt.config.demo;

import org.rabt.mappings.cpm.Certainty;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.RiskLevel;
import org.rabt.mappings.cpm.Setting;

/** A form of harm a demo card reports, from the concern catalogue (docs/concerns.md). */
record DemoConcern(ConcernCode code, Certainty certainty, Setting setting, RiskLevel risk, boolean emergency) {

    static DemoConcern suspected(ConcernCode code, Setting setting, RiskLevel risk) {
        return new DemoConcern(code, Certainty.SUSPECTED, setting, risk, risk == RiskLevel.HIGH);
    }

    static DemoConcern confirmed(ConcernCode code, Setting setting, RiskLevel risk) {
        return new DemoConcern(code, Certainty.CONFIRMED, setting, risk, risk == RiskLevel.HIGH);
    }
}
