package org.rabt.config.caserecord;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The case record's settings ({@code rabt.case-record.*}).
 *
 * @param referralResponseDays how long a receiver has to answer a referral that names no due date
 *                             (the overdue list counts from the card's receipt)
 * @param newCardsDays         how far back the worklist's "new cards" go
 */
@ConfigurationProperties("rabt.case-record")
public record CaseRecordProperties(
        @DefaultValue("15") int referralResponseDays,
        @DefaultValue("7") int newCardsDays) {
}
