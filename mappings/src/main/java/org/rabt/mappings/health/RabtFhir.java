package org.rabt.mappings.health;

/**
 * The URLs of the hub's FHIR profile for linkage cards: code systems, identifier systems and
 * extensions. {@code docs/sectors/health.md} describes each one; a URL never changes once released.
 */
public final class RabtFhir {

    private static final String BASE = "https://rabt.ma/fhir/";

    // Code systems
    public static final String CARD_TYPE = BASE + "CodeSystem/card-type";
    public static final String LEGAL_BASIS = BASE + "CodeSystem/legal-basis";
    public static final String PURPOSE_OF_USE = BASE + "CodeSystem/purpose-of-use";
    public static final String SERVICE = BASE + "CodeSystem/service";
    public static final String PATHWAY_STAGE = BASE + "CodeSystem/pathway-stage";
    public static final String ENTRY_CHANNEL = BASE + "CodeSystem/entry-channel";
    public static final String CONCERN = BASE + "CodeSystem/concern";
    public static final String ATTACHMENT_TYPE = BASE + "CodeSystem/attachment-type";
    public static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    public static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

    // Identifier systems
    public static final String RFC_3986 = "urn:ietf:rfc:3986";
    public static final String CASE_ID = BASE + "sid/case";
    public static final String SERVICE_ID = BASE + "sid/service";
    public static final String CNIE = BASE + "sid/cnie";
    public static final String ETAT_CIVIL = BASE + "sid/etat-civil";
    public static final String SCHOOL_ID = BASE + "sid/school";
    public static final String COURT_FILE = BASE + "sid/court-file";
    /** The hub's pseudonym of the child, on the Patient of every card the hub sends to health. */
    public static final String PSEUDONYM = BASE + "sid/pseudonym";
    /** Identifies a sector in {@code Consent.provision.actor.reference.identifier}. */
    public static final String SECTOR_ID = "urn:rabt:sector";

    /** Prefix of MessageHeader source and destination endpoints: {@code urn:rabt:sector:<sector id>}. */
    public static final String SECTOR_ENDPOINT_PREFIX = "urn:rabt:sector:";

    // Extensions
    public static final String EXT_CONCERN_CERTAINTY = BASE + "StructureDefinition/concern-certainty";
    public static final String EXT_CONCERN_SETTING = BASE + "StructureDefinition/concern-setting";
    public static final String EXT_CONCERN_RISK = BASE + "StructureDefinition/concern-risk";
    public static final String EXT_CONCERN_EMERGENCY = BASE + "StructureDefinition/concern-emergency";
    public static final String EXT_DISABILITY = BASE + "StructureDefinition/disability";
    public static final String EXT_CONSENT_GIVEN_BY = BASE + "StructureDefinition/consent-given-by";
    public static final String EXT_SHA256 = BASE + "StructureDefinition/sha256";
    /** HL7's core extension for the language of an element; tells the script of a name. */
    public static final String EXT_LANGUAGE = "http://hl7.org/fhir/StructureDefinition/language";

    private RabtFhir() {
    }
}
