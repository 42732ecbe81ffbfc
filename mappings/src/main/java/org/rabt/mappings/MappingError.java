package org.rabt.mappings;

/**
 * The stable codes of mapping failures. A code never changes meaning once released: sector
 * developers search for it, and docs/errors.md explains each one.
 */
public enum MappingError {
    /** The body is not well-formed in its declared format (JSON, XML). */
    UNPARSEABLE("RABT-M001", "Unparseable body"),
    /** The body parses but is not valid FHIR R4 (unknown element, wrong type, bad code). */
    INVALID_FHIR("RABT-M002", "Invalid FHIR resource"),
    /** An element the mapping relies on is absent. The field names it. */
    MISSING_ELEMENT("RABT-M003", "Missing required element"),
    /** An element is present but its value is not one the mapping accepts. */
    INVALID_VALUE("RABT-M004", "Invalid element value"),
    /** The mapped message violates the CPM JSON Schema. */
    CPM_SCHEMA_VIOLATION("RABT-M005", "Message does not conform to the CPM schema"),
    /** An outbound document failed its sector schema (a defect of the hub, not of the sender). */
    OUTBOUND_SCHEMA_VIOLATION("RABT-M006", "Outbound document does not conform to the sector schema"),
    /** An inbound document breaks its sector's published schema (JSON Schema, XSD or CSV header). */
    SECTOR_SCHEMA_VIOLATION("RABT-M007", "Document does not conform to the sector schema"),
    /**
     * The document is past one of the hub's limits on its shape (JSON nesting depth, string or
     * number length, FHIR Bundle entries): refused before it is built, whatever else it holds.
     */
    LIMIT_EXCEEDED("RABT-M008", "Document beyond the hub's limits");

    private final String code;
    private final String title;

    MappingError(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
