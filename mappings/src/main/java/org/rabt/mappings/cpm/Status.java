package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The referral's status as the receiver reports it.
 *
 * @param businessStatus the receiver's own words for where it stands
 * @param outcome        what came of it, once completed, rejected or failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Status(TaskStatus status, String businessStatus, String outcome) {

    public static Status requested() {
        return new Status(TaskStatus.REQUESTED, null, null);
    }
}
