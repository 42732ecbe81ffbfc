package org.rabt.mappings.freeline;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A sender or receiver: the French sector code and, where known, organisation, service and province. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Partie(String secteur, String organisme, String service, String province) {
}
