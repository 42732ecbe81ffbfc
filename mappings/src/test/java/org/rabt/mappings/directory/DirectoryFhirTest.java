package org.rabt.mappings.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.HealthcareService.DaysOfWeek;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.health.HealthExamples;
import org.rabt.mappings.health.RabtFhir;

class DirectoryFhirTest {

    private final Directory directory = SmallDirectory.read();
    private final DirectoryResources fhir = DirectoryFhir.toFhir(directory);

    @Nested
    class TheResources {

        @Test
        void areOneOrganizationPerOrganisationOneServicePerServiceAndOneEndpointPerSector() {
            assertThat(fhir.organizations()).extracting(o -> o.getIdElement().getIdPart()).containsExactly(
                    "tng-hmv", "tng-parquet", "tng-police", "tng-gendarmerie", "sal-education", "ma-onde");
            assertThat(fhir.healthcareServices()).extracting(s -> s.getIdElement().getIdPart())
                    .containsExactlyElementsOf(directory.services().stream().map(s -> s.service().id()).toList());
            assertThat(fhir.endpoints()).extracting(e -> e.getIdElement().getIdPart()).containsExactly(
                    "sector-health", "sector-justice", "sector-education", "sector-police", "sector-gendarmerie",
                    "sector-freeline");
        }

        @Test
        void parseBackStrictlyWithHapi() {
            IParser strict = HealthExamples.r4().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
            IParser writer = HealthExamples.r4().newJsonParser();

            for (Resource resource : fhir.all()) {
                String json = writer.encodeResourceToString(resource);
                Resource parsed = (Resource) strict.parseResource(json);
                assertThat(writer.encodeResourceToString(parsed)).as(resource.getId()).isEqualTo(json);
            }
        }

        @Test
        void areValidR4() {
            for (Resource resource : fhir.all()) {
                assertThatCode(() -> HealthExamples.validator().validate(resource)).as(resource.getId())
                        .doesNotThrowAnyException();
            }
        }

        @Test
        void nameTheDirectoryEditionTheyComeFrom() {
            assertThat(fhir.all()).allSatisfy(resource ->
                    assertThat(resource.getMeta().getSource()).isEqualTo("urn:rabt:directory:2026.7"));
        }

        @Test
        void referToOneAnotherOnlyByIdsThatExist() {
            Set<String> ids = fhir.all().stream()
                    .map(r -> r.fhirType() + "/" + r.getIdElement().getIdPart())
                    .collect(Collectors.toSet());

            for (HealthcareService service : fhir.healthcareServices()) {
                assertThat(ids).contains(service.getProvidedBy().getReference());
                service.getEndpoint().forEach(e -> assertThat(ids).contains(e.getReference()));
            }
            for (Organization organization : fhir.organizations()) {
                organization.getEndpoint().forEach(e -> assertThat(ids).contains(e.getReference()));
            }
        }

        @Test
        void reachEachOrganisationThroughItsOwnSectorsEndpoint() {
            Map<String, Endpoint> endpoints = fhir.endpoints().stream()
                    .collect(Collectors.toMap(e -> "Endpoint/" + e.getIdElement().getIdPart(), Function.identity()));

            for (Organization organization : fhir.organizations()) {
                String sector = coding(organization.getTypeFirstRep(), DirectoryFhir.SECTOR).getCode();
                Endpoint endpoint = endpoints.get(organization.getEndpointFirstRep().getReference());
                assertThat(endpoint.getAddress()).isEqualTo("urn:rabt:sector:" + sector);
            }
        }
    }

    @Nested
    class AnOrganization {

        private final Organization hospital = organization("tng-hmv");

        @Test
        void carriesItsDirectoryIdAndSector() {
            assertThat(hospital.getIdentifierFirstRep().getSystem()).isEqualTo("https://rabt.ma/fhir/sid/organisation");
            assertThat(hospital.getIdentifierFirstRep().getValue()).isEqualTo("tng-hmv");
            assertThat(hospital.getActive()).isTrue();
            Coding sector = coding(hospital.getTypeFirstRep(), "https://rabt.ma/fhir/CodeSystem/sector");
            assertThat(sector.getCode()).isEqualTo("health");
            assertThat(sector.getDisplay()).isEqualTo("Santé");
        }

        @Test
        void isNamedInFrenchWithTheArabicNameAsTranslationAndAlias() {
            assertThat(hospital.getName()).isEqualTo("Hôpital Mohammed V de Tanger");
            assertThat(translation(hospital.getNameElement(), "ar")).isEqualTo("مستشفى محمد الخامس بطنجة");
            assertThat(hospital.getAlias()).extracting(Object::toString).containsExactly("مستشفى محمد الخامس بطنجة");
        }

        @Test
        void hasItsProvinceAsTheAddressState() {
            assertThat(hospital.getAddressFirstRep().getLine()).extracting(Object::toString).containsExactly("Rue Moulay Rachid");
            assertThat(hospital.getAddressFirstRep().getCity()).isEqualTo("Tanger");
            assertThat(hospital.getAddressFirstRep().getPostalCode()).isEqualTo("90000");
            assertThat(hospital.getAddressFirstRep().getState()).isEqualTo("MA-TNG");
            assertThat(hospital.getAddressFirstRep().getCountry()).isEqualTo("MA");
        }

        @Test
        void listsItsContactPointsWithNameTitleAndTelecom() {
            assertThat(hospital.getContact()).hasSize(2);
            Organization.OrganizationContactComponent doctor = hospital.getContact().get(0);
            assertThat(doctor.getName().getText()).isEqualTo("Salma Bouzid");
            assertThat(doctor.getPurpose().getText()).isEqualTo("Médecin responsable de l'UIPC");
            assertThat(translation(doctor.getPurpose().getTextElement(), "ar")).isEqualTo("الطبيبة المسؤولة عن الوحدة المندمجة");
            assertThat(doctor.getTelecom()).extracting(t -> t.getSystem() + " " + t.getValue())
                    .containsExactly("PHONE +212539301222", "EMAIL salma.bouzid@sante.example.org");
            assertThat(hospital.getContact().get(1).getTelecom()).extracting(t -> t.getSystem())
                    .containsExactly(ContactPointSystem.EMAIL);
        }
    }

    @Nested
    class AHealthcareService {

        @Test
        void isTypedByItsServiceCodeAndCategorisedByItsPathwayStages() {
            HealthcareService uipc = service("tng-hmv-uipc");

            Coding type = coding(uipc.getTypeFirstRep(), RabtFhir.SERVICE);
            assertThat(type.getCode()).isEqualTo("medical-care");
            assertThat(uipc.getTypeFirstRep().getText()).startsWith("Unité intégrée de prise en charge");
            assertThat(uipc.getCategory()).extracting(c -> coding(c, RabtFhir.PATHWAY_STAGE).getCode())
                    .containsExactly("2", "4");
            assertThat(uipc.getCategory()).extracting(c -> c.getCodingFirstRep().getDisplay())
                    .containsExactly("Assistance immédiate", "Accompagnement et prise en charge");
        }

        @Test
        void isProvidedByItsOrganisationAndCarriesItsDirectoryId() {
            HealthcareService uipc = service("tng-hmv-uipc");

            assertThat(uipc.getProvidedBy().getReference()).isEqualTo("Organization/tng-hmv");
            assertThat(uipc.getProvidedBy().getDisplay()).isEqualTo("Hôpital Mohammed V de Tanger");
            assertThat(uipc.getIdentifierFirstRep().getSystem()).isEqualTo(RabtFhir.SERVICE_ID);
            assertThat(uipc.getIdentifierFirstRep().getValue()).isEqualTo("tng-hmv-uipc");
            assertThat(uipc.getEndpoint()).extracting(Reference::getReference).containsExactly("Endpoint/sector-health");
        }

        @Test
        void isNamedInFrenchWithArabicAndEnglishTranslations() {
            HealthcareService forensic = service("tng-hmv-medecine-legale");

            assertThat(forensic.getName()).isEqualTo("Examen médico-légal et certificat médical");
            assertThat(translation(forensic.getNameElement(), "ar")).isEqualTo("الفحص الطبي الشرعي والشهادة الطبية");
            assertThat(translation(forensic.getNameElement(), "en")).isEqualTo("Forensic examination and medical certificate");
        }

        @Test
        void givesItsHoursAsAvailableTimes() {
            HealthcareService forensic = service("tng-hmv-medecine-legale");

            assertThat(forensic.getAvailableTime()).hasSize(2);
            HealthcareService.HealthcareServiceAvailableTimeComponent week = forensic.getAvailableTime().get(0);
            assertThat(week.getDaysOfWeek()).extracting(d -> d.getValue()).containsExactly(
                    DaysOfWeek.MON, DaysOfWeek.TUE, DaysOfWeek.WED, DaysOfWeek.THU, DaysOfWeek.FRI);
            assertThat(week.getAvailableStartTime()).isEqualTo("08:30:00");
            assertThat(week.getAvailableEndTime()).isEqualTo("16:30:00");
            assertThat(week.hasAllDay()).isFalse();
            assertThat(forensic.getAvailableTime().get(1).getAvailableStartTime()).isEqualTo("09:00:00");
        }

        @Test
        void givesRoundTheClockServicesAsAllDayWithTheirExceptionsAndEligibility() {
            HealthcareService uipc = service("tng-hmv-uipc");

            assertThat(uipc.getAvailableTimeFirstRep().getAllDay()).isTrue();
            assertThat(uipc.getAvailableTimeFirstRep().getDaysOfWeek()).hasSize(7);
            assertThat(uipc.getAvailableTimeFirstRep().hasAvailableStartTime()).isFalse();
            assertThat(uipc.getAvailabilityExceptions()).isEqualTo("Accueil par les urgences 24 h/24.");
            assertThat(uipc.getEligibilityFirstRep().getComment())
                    .isEqualTo("Enfants victimes ou présumés victimes de violence ; soins gratuits.");
            assertThat(uipc.getTelecom()).extracting(t -> t.getSystem() + " " + t.getValue())
                    .containsExactly("EMAIL uipc.tanger@sante.example.org");
        }

        @Test
        void givesAPublicShortNumberAsItsPhone() {
            assertThat(service("ma-onde-2511").getTelecom()).extracting(t -> t.getSystem() + " " + t.getValue())
                    .containsExactly("PHONE 2511");
        }
    }

    @Nested
    class AnEndpoint {

        @Test
        void isTheSectorsDeliveryOnTheExchangeForEveryCardType() {
            Endpoint justice = endpoint("sector-justice");

            assertThat(justice.getStatus()).isEqualTo(Endpoint.EndpointStatus.ACTIVE);
            assertThat(justice.getAddress()).isEqualTo("urn:rabt:sector:justice");
            assertThat(justice.getConnectionType().getSystem()).isEqualTo(DirectoryFhir.CONNECTION_TYPE);
            assertThat(justice.getConnectionType().getCode()).isEqualTo("rabt-exchange");
            assertThat(justice.getPayloadType()).extracting(p -> coding(p, RabtFhir.CARD_TYPE).getCode())
                    .containsExactlyElementsOf(Arrays.stream(CardType.values()).map(CardType::code).toList());
        }

        @Test
        void declaresTheMediaTypeOfTheSectorsOwnFormat() {
            assertThat(endpoint("sector-health").getPayloadMimeType()).extracting(Object::toString)
                    .containsExactly("application/fhir+json");
            assertThat(endpoint("sector-justice").getPayloadMimeType()).extracting(Object::toString)
                    .containsExactly("application/xml");
            assertThat(endpoint("sector-education").getPayloadMimeType()).extracting(Object::toString)
                    .containsExactly("application/json");
        }
    }

    @Nested
    class EveryCodedValue {

        @Test
        void ofTheSectorsHasItsOwnName() {
            List<String> names = Arrays.stream(SectorId.values()).map(DirectoryFhir::sectorName).toList();

            assertThat(names).doesNotHaveDuplicates().allSatisfy(name -> assertThat(name).isNotBlank());
        }

        @Test
        void ofThePathwayStagesHasItsOwnName() {
            List<String> names = Arrays.stream(PathwayStage.values()).map(DirectoryFhir::stageName).toList();

            assertThat(names).doesNotHaveDuplicates().allSatisfy(name -> assertThat(name).isNotBlank());
        }

        @Test
        void ofTheWeekdaysBecomesTheFhirDayWithTheSameCode() {
            for (Weekday day : Weekday.values()) {
                OpeningHours hours = new OpeningHours(List.of(day), true, null, null);
                Service service = new Service("s", "c", new Names("f", "a", "e"), List.of(PathwayStage.DETECTION), null,
                        List.of(hours), null, null, null);
                Organisation organisation = new Organisation("o", SectorId.CENTRE, new Names("f", "a", null), "MA-TNG",
                        false, new Address("l", "c", null), List.of(new ContactPoint("n", new Names("t", "t", null), "19", null)),
                        List.of(service));
                HealthcareService fhirService = DirectoryFhir.toFhir(new Directory("2026.1", null, List.of(organisation)))
                        .healthcareServices().get(0);

                assertThat(fhirService.getAvailableTimeFirstRep().getDaysOfWeek().get(0).getValue().toCode())
                        .isEqualTo(day.code());
            }
        }
    }

    private Organization organization(String id) {
        return fhir.organizations().stream().filter(o -> o.getIdElement().getIdPart().equals(id)).findFirst().orElseThrow();
    }

    private HealthcareService service(String id) {
        return fhir.healthcareServices().stream().filter(s -> s.getIdElement().getIdPart().equals(id)).findFirst()
                .orElseThrow();
    }

    private Endpoint endpoint(String id) {
        return fhir.endpoints().stream().filter(e -> e.getIdElement().getIdPart().equals(id)).findFirst().orElseThrow();
    }

    private static Coding coding(CodeableConcept concept, String system) {
        return concept.getCoding().stream().filter(c -> system.equals(c.getSystem())).findFirst().orElseThrow();
    }

    /** The text of HL7's translation extension for {@code language} on {@code element}. */
    private static String translation(Element element, String language) {
        return element.getExtensionsByUrl(DirectoryFhir.TRANSLATION).stream()
                .filter(t -> language.equals(t.getExtensionByUrl("lang").getValue().primitiveValue()))
                .map(t -> t.getExtensionByUrl("content").getValue().primitiveValue())
                .findFirst().orElseThrow();
    }
}
