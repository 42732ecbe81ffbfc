package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * A service asked of the receiver.
 *
 * @param serviceCode a code of the directory of services ({@code https://rabt.ma/fhir/CodeSystem/service})
 * @param target      the sector and, where known, the service expected to act
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestedService(String serviceCode, Party target, String reason, LocalDate dueDate) {
}
