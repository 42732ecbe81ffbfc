package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where the child is on the protection pathway, and how the child entered it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Pathway(PathwayStage stage, EntryChannel entryChannel) {
}
