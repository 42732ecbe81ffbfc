package org.rabt.mappings.directory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointUse;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.HealthcareService.DaysOfWeek;
import org.hl7.fhir.r4.model.HealthcareService.HealthcareServiceAvailableTimeComponent;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Organization.OrganizationContactComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.health.RabtFhir;

/**
 * The directory as FHIR R4 resources, in the spirit of IHE mCSD (Mobile Care Services
 * Discovery): each organisation an {@code Organization}, each service a {@code HealthcareService}
 * provided by it, each sector's delivery on the exchange an {@code Endpoint}.
 *
 * <p>Contact points become {@code Organization.contact} (name, title as the purpose's text,
 * telecom) rather than {@code PractitionerRole}: they are an organisation's named reach-points for
 * child protection, not a registry of practitioners, and they travel with the Organization, so a
 * client reads one resource and the server serves no extra type. {@code docs/directory.md}
 * describes every element.
 */
public final class DirectoryFhir {

    /** Identifier system of an organisation's directory id. */
    public static final String ORGANISATION_ID = "https://rabt.ma/fhir/sid/organisation";
    /** Code system of the sectors ({@code SectorId} codes), on {@code Organization.type}. */
    public static final String SECTOR = "https://rabt.ma/fhir/CodeSystem/sector";
    /** Code system of {@code Endpoint.connectionType}: how the hub reaches a sector. */
    public static final String CONNECTION_TYPE = "https://rabt.ma/fhir/CodeSystem/endpoint-connection-type";
    public static final String RABT_EXCHANGE = "rabt-exchange";
    /** HL7's core extension for the text of an element in another language. */
    public static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
    /** {@code Meta.source} of every resource: the directory and its edition. */
    public static final String SOURCE_PREFIX = "urn:rabt:directory:";
    public static final String COUNTRY = "MA";

    private DirectoryFhir() {
    }

    public static DirectoryResources toFhir(Directory directory) {
        Meta meta = new Meta().setSource(SOURCE_PREFIX + directory.version());
        Set<SectorId> sectors = EnumSet.noneOf(SectorId.class);
        directory.organisations().forEach(o -> sectors.add(o.sector()));
        return new DirectoryResources(
                directory.organisations().stream().map(o -> organization(o, meta)).toList(),
                directory.services().stream().map(s -> healthcareService(s, meta)).toList(),
                sectors.stream().map(s -> endpoint(s, meta)).toList());
    }

    /** The logical id of the Endpoint through which the hub reaches a sector. */
    public static String endpointId(SectorId sector) {
        return "sector-" + sector.code();
    }

    // --- Organization ----------------------------------------------------------------------------

    private static Organization organization(Organisation source, Meta meta) {
        Organization organization = new Organization();
        organization.setId(source.id());
        organization.setMeta(meta.copy());
        organization.addIdentifier().setSystem(ORGANISATION_ID).setValue(source.id());
        organization.setActive(true);
        organization.addType().addCoding(new Coding(SECTOR, source.sector().code(), sectorName(source.sector())));
        organization.setName(source.name().fr());
        translate(organization.getNameElement(), "ar", source.name().ar());
        // the Arabic name is also an alias, so that a plain name search finds it
        organization.addAlias(source.name().ar());
        organization.addAddress(address(source));
        source.contacts().forEach(contact -> organization.addContact(contact(contact)));
        organization.addEndpoint(endpointReference(source.sector()));
        return organization;
    }

    private static org.hl7.fhir.r4.model.Address address(Organisation source) {
        org.hl7.fhir.r4.model.Address address = new org.hl7.fhir.r4.model.Address()
                .setUse(org.hl7.fhir.r4.model.Address.AddressUse.WORK)
                .setType(org.hl7.fhir.r4.model.Address.AddressType.PHYSICAL)
                .setCity(source.address().city())
                .setPostalCode(source.address().postalCode())
                // the province's ISO 3166-2 code: what `address-state` searches match
                .setState(source.province())
                .setCountry(COUNTRY);
        address.addLine(source.address().line());
        return address;
    }

    private static OrganizationContactComponent contact(ContactPoint source) {
        OrganizationContactComponent contact = new OrganizationContactComponent();
        // base R4 has no element for a contact's title: it is the purpose the person is reached for
        CodeableConcept purpose = new CodeableConcept().setText(source.title().fr());
        translate(purpose.getTextElement(), "ar", source.title().ar());
        contact.setPurpose(purpose);
        contact.setName(new HumanName().setText(source.name()));
        telecom(source.phone(), source.email()).forEach(contact::addTelecom);
        return contact;
    }

    // --- HealthcareService -----------------------------------------------------------------------

    private static HealthcareService healthcareService(OfferedService offered, Meta meta) {
        Service source = offered.service();
        HealthcareService service = new HealthcareService();
        service.setId(source.id());
        service.setMeta(meta.copy());
        service.addIdentifier().setSystem(RabtFhir.SERVICE_ID).setValue(source.id());
        service.setActive(true);
        service.setProvidedBy(organizationReference(offered.organisation()));
        source.stages().forEach(stage -> service.addCategory(new CodeableConcept(
                new Coding(RabtFhir.PATHWAY_STAGE, String.valueOf(stage.number()), stageName(stage)))));
        service.addType(new CodeableConcept(new Coding(RabtFhir.SERVICE, source.code(), null))
                .setText(source.name().fr()));
        service.setName(source.name().fr());
        translate(service.getNameElement(), "ar", source.name().ar());
        translate(service.getNameElement(), "en", source.name().en());
        telecom(source.phone(), source.email()).forEach(service::addTelecom);
        if (source.eligibility() != null) {
            service.addEligibility().setComment(source.eligibility());
        }
        source.hours().forEach(hours -> service.addAvailableTime(availableTime(hours)));
        service.setAvailabilityExceptions(source.hoursNote());
        service.addEndpoint(endpointReference(offered.organisation().sector()));
        return service;
    }

    private static HealthcareServiceAvailableTimeComponent availableTime(OpeningHours hours) {
        HealthcareServiceAvailableTimeComponent time = new HealthcareServiceAvailableTimeComponent();
        hours.days().forEach(day -> time.addDaysOfWeek(dayOfWeek(day)));
        if (hours.roundTheClock()) {
            time.setAllDay(true);
        } else {
            time.setAvailableStartTime(hours.opens() + ":00");
            time.setAvailableEndTime(hours.closes() + ":00");
        }
        return time;
    }

    // --- Endpoint --------------------------------------------------------------------------------

    private static Endpoint endpoint(SectorId sector, Meta meta) {
        Endpoint endpoint = new Endpoint();
        endpoint.setId(endpointId(sector));
        endpoint.setMeta(meta.copy());
        endpoint.setStatus(Endpoint.EndpointStatus.ACTIVE);
        endpoint.setConnectionType(new Coding(CONNECTION_TYPE, RABT_EXCHANGE,
                "Rabt exchange: cards delivered through the hub"));
        endpoint.setName("Rabt — livraison au secteur : " + sectorName(sector));
        for (CardType card : CardType.values()) {
            endpoint.addPayloadType(new CodeableConcept(new Coding(RabtFhir.CARD_TYPE, card.code(), null)));
        }
        endpoint.addPayloadMimeType(mediaType(sector));
        endpoint.setAddress(RabtFhir.SECTOR_ENDPOINT_PREFIX + sector.code());
        return endpoint;
    }

    // --- shared pieces ---------------------------------------------------------------------------

    private static Reference organizationReference(Organisation organisation) {
        return new Reference("Organization/" + organisation.id()).setDisplay(organisation.name().fr());
    }

    private static Reference endpointReference(SectorId sector) {
        return new Reference("Endpoint/" + endpointId(sector));
    }

    private static List<org.hl7.fhir.r4.model.ContactPoint> telecom(String phone, String email) {
        List<org.hl7.fhir.r4.model.ContactPoint> telecom = new ArrayList<>();
        if (phone != null) {
            telecom.add(new org.hl7.fhir.r4.model.ContactPoint().setSystem(ContactPointSystem.PHONE)
                    .setUse(ContactPointUse.WORK).setValue(phone));
        }
        if (email != null) {
            telecom.add(new org.hl7.fhir.r4.model.ContactPoint().setSystem(ContactPointSystem.EMAIL)
                    .setUse(ContactPointUse.WORK).setValue(email));
        }
        return telecom;
    }

    /** The text of {@code element} in another language, with HL7's translation extension. */
    private static void translate(Element element, String language, String text) {
        Extension translation = element.addExtension().setUrl(TRANSLATION);
        translation.addExtension("lang", new CodeType(language));
        translation.addExtension("content", new StringType(text));
    }

    private static DaysOfWeek dayOfWeek(Weekday day) {
        return switch (day) {
            case MON -> DaysOfWeek.MON;
            case TUE -> DaysOfWeek.TUE;
            case WED -> DaysOfWeek.WED;
            case THU -> DaysOfWeek.THU;
            case FRI -> DaysOfWeek.FRI;
            case SAT -> DaysOfWeek.SAT;
            case SUN -> DaysOfWeek.SUN;
        };
    }

    /** The stage's name as the programme's French documents give it. */
    static String stageName(PathwayStage stage) {
        return switch (stage) {
            case DETECTION -> "Détection";
            case IMMEDIATE_ASSISTANCE -> "Assistance immédiate";
            case INITIAL_DIAGNOSIS -> "Diagnostic initial";
            case ACCOMPANIMENT_AND_CARE -> "Accompagnement et prise en charge";
            case REHABILITATION_AND_REINTEGRATION -> "Réhabilitation et réintégration";
            case FOLLOW_UP -> "Suivi";
        };
    }

    static String sectorName(SectorId sector) {
        return switch (sector) {
            case HEALTH -> "Santé";
            case JUSTICE -> "Justice et ministère public";
            case EDUCATION -> "Éducation nationale";
            case LABOUR -> "Inspection du travail";
            case POLICE -> "Sûreté nationale";
            case GENDARMERIE -> "Gendarmerie royale";
            case SOCIAL -> "Entraide nationale et action sociale";
            case FREELINE -> "Ligne verte et cellules d'écoute";
            case CENTRE -> "Centre d'accompagnement de protection de l'enfance";
        };
    }

    /** The media type of the sector's own format on the exchange (DESIGN.md, external contract). */
    static String mediaType(SectorId sector) {
        return switch (sector) {
            case HEALTH -> "application/fhir+json";
            case JUSTICE -> "application/xml";
            case EDUCATION, LABOUR, POLICE, GENDARMERIE, SOCIAL, FREELINE, CENTRE -> "application/json";
        };
    }
}
