package org.rabt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import org.rabt.config.support.StaffCredentials;
import org.rabt.config.support.HubTestBase;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.directory.Directory;
import org.rabt.mappings.directory.DirectoryFhir;
import org.rabt.mappings.health.RabtFhir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole hub serves its directory of services on {@code server.port}: as JSON on the staff API
 * and as FHIR resources (mCSD style) read with HAPI's generic client; never on the exchange port.
 */
class DirectoryIT extends HubTestBase {

    static final Path DATA = newDataDir();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
    }

    @Autowired
    Directory directory;

    final HttpClient http = HttpClient.newHttpClient();

    @Nested
    class TheStaffApi {

        @Test
        void servesTheWholeEditionAsJson() {
            HttpResponse<String> response = get("/api/v1/directory");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("version").asString()).isEqualTo(directory.version()).matches("\\d{4}\\.\\d+");
            assertThat(body.get("validFrom").asString()).isEqualTo(directory.validFrom().toString());
            assertThat(body.get("organisations")).hasSize(directory.organisations().size());
            JsonNode parquet = organisation(body, "tng-parquet");
            assertThat(parquet.get("sector").asString()).isEqualTo("justice");
            assertThat(parquet.get("province").asString()).isEqualTo("MA-TNG");
            assertThat(parquet.get("endpoint").asString()).isEqualTo("urn:rabt:sector:justice");
            assertThat(parquet.get("contacts").get(0).get("title").get("ar").asString()).isNotBlank();
            assertThat(parquet.get("services").get(0).get("stages").get(0).isInt()).isTrue();
        }

        @Test
        void answersWhoProvidesAServiceInAProvince() {
            HttpResponse<String> response = get("/api/v1/directory/providers?service=school-reintegration&province=MA-SAL");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("version").asString()).isEqualTo(directory.version());
            assertThat(body.get("providers")).hasSize(1);
            JsonNode provider = body.get("providers").get(0);
            assertThat(provider.get("organisationId").asString()).isEqualTo("sal-education");
            assertThat(provider.get("receiver").get("sector").asString()).isEqualTo("education");
            assertThat(provider.get("receiver").get("provinceCode").asString()).isEqualTo("MA-SAL");
            assertThat(provider.get("contacts").get(0).get("name").asString()).isNotBlank();
        }

        @Test
        void narrowsTheProvidersToOneSector() {
            JsonNode all = JSON.readTree(get("/api/v1/directory/providers?service=emergency-intervention&province=MA-TNG").body());
            JsonNode gendarmerie = JSON.readTree(
                    get("/api/v1/directory/providers?service=emergency-intervention&province=MA-TNG&sector=gendarmerie").body());

            assertThat(all.get("providers")).extracting(p -> p.get("receiver").get("sector").asString())
                    .containsExactly("police", "gendarmerie");
            assertThat(gendarmerie.get("providers")).extracting(p -> p.get("organisationId").asString())
                    .containsExactly("tng-gendarmerie");
        }

        @Test
        void refusesAnUnknownSectorWithACodedProblem() {
            HttpResponse<String> response = get("/api/v1/directory/providers?service=listening&province=MA-TNG&sector=army");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("code").asString()).isEqualTo("RABT-H400");
            assertThat(problem.get("detail").asString()).contains("'army'").contains("gendarmerie");
        }

        @Test
        void refusesAQuestionWithoutAProvince() {
            HttpResponse<String> response = get("/api/v1/directory/providers?service=listening");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("RABT-H400");
        }
    }

    @Nested
    class TheFhirServer {

        IGenericClient client;

        @BeforeEach
        void connect() {
            FhirContext context = FhirContext.forR4Cached();
            context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
            client = context.newRestfulGenericClient("http://127.0.0.1:" + staffPort + "/fhir");
            client.registerInterceptor(new BasicAuthInterceptor("social.worker", StaffCredentials.DEMO_PASSWORD));
        }

        @Test
        void describesItselfInACapabilityStatement() {
            CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();

            assertThat(capabilities.getFhirVersion().toCode()).isEqualTo("4.0.1");
            List<CapabilityStatementRestResourceComponent> resources = capabilities.getRestFirstRep().getResource();
            assertThat(resources).extracting(CapabilityStatementRestResourceComponent::getType)
                    .contains("Organization", "HealthcareService", "Endpoint");
            assertThat(resource(resources, "HealthcareService").getSearchParam()).extracting(p -> p.getName())
                    .contains("name", "service-type", "service-category", "organization");
            assertThat(resource(resources, "Organization").getInteraction()).extracting(i -> i.getCode().toCode())
                    .contains("read", "search-type");
        }

        @Test
        void findsOrganizationsBySectorAndProvince() {
            Bundle justice = client.search().forResource(Organization.class)
                    .where(Organization.TYPE.exactly().systemAndCode(DirectoryFhir.SECTOR, "justice"))
                    .and(Organization.ADDRESS_STATE.matches().value("MA-MEK"))
                    .returnBundle(Bundle.class).execute();

            assertThat(ids(justice)).containsExactly("mek-parquet", "mek-tpi");
        }

        @Test
        void findsAnOrganizationByTheStartOfItsNameIgnoringAccents() {
            String name = directory.organisation("tng-hmv").orElseThrow().name().fr();
            Bundle found = client.search().forResource(Organization.class)
                    .where(Organization.NAME.matches().value(name.substring(0, 12).replace("ô", "o").toUpperCase()))
                    .and(Organization.ADDRESS_STATE.matches().value("MA-TNG"))
                    .returnBundle(Bundle.class).execute();

            assertThat(ids(found)).contains("tng-hmv");
            Organization hospital = (Organization) found.getEntry().stream()
                    .filter(e -> e.getResource().getIdElement().getIdPart().equals("tng-hmv"))
                    .findFirst().orElseThrow().getResource();
            assertThat(hospital.getName()).isEqualTo(name);
            assertThat(hospital.getContact()).isNotEmpty();
            assertThat(hospital.getMeta().getSource()).isEqualTo("urn:rabt:directory:" + directory.version());
        }

        @Test
        void findsAnOrganizationByItsArabicName() {
            String arabic = directory.organisation("sal-parquet").orElseThrow().name().ar();
            Bundle found = client.search().forResource(Organization.class)
                    .where(Organization.NAME.matchesExactly().value(arabic))
                    .returnBundle(Bundle.class).execute();

            assertThat(ids(found)).containsExactly("sal-parquet");
        }

        @Test
        void readsAHealthcareServiceWithItsOrganisationStagesAndCode() {
            HealthcareService uipc = client.read().resource(HealthcareService.class).withId("tng-hmv-uipc").execute();

            assertThat(uipc.getProvidedBy().getReference()).isEqualTo("Organization/tng-hmv");
            assertThat(uipc.getTypeFirstRep().getCodingFirstRep().getSystem()).isEqualTo(RabtFhir.SERVICE);
            assertThat(uipc.getTypeFirstRep().getCodingFirstRep().getCode())
                    .isEqualTo(directory.service("tng-hmv-uipc").orElseThrow().service().code());
            assertThat(uipc.getCategory()).isNotEmpty().allSatisfy(
                    c -> assertThat(c.getCodingFirstRep().getSystem()).isEqualTo(RabtFhir.PATHWAY_STAGE));
            assertThat(uipc.getEndpointFirstRep().getReference()).isEqualTo("Endpoint/sector-health");
        }

        @Test
        void findsTheServicesOfAnOrganisationAndTheBasketOfAStage() {
            Bundle ofCentre = client.search().forResource(HealthcareService.class)
                    .where(HealthcareService.ORGANIZATION.hasId("Organization/mek-centre"))
                    .returnBundle(Bundle.class).execute();
            Bundle detection = client.search().forResource(HealthcareService.class)
                    .where(HealthcareService.SERVICE_CATEGORY.exactly().systemAndCode(RabtFhir.PATHWAY_STAGE, "1"))
                    .returnBundle(Bundle.class).execute();

            assertThat(ids(ofCentre)).containsExactlyElementsOf(directory.organisation("mek-centre").orElseThrow()
                    .services().stream().map(s -> s.id()).toList());
            assertThat(ids(detection)).containsExactlyElementsOf(directory.services().stream()
                    .filter(s -> s.service().stages().contains(PathwayStage.DETECTION))
                    .map(s -> s.service().id()).toList());
        }

        @Test
        void findsTheProvidersOfAServiceCode() {
            Bundle shelters = client.search().forResource(HealthcareService.class)
                    .where(HealthcareService.SERVICE_TYPE.exactly().systemAndCode(RabtFhir.SERVICE, "emergency-shelter"))
                    .returnBundle(Bundle.class).execute();

            assertThat(ids(shelters)).hasSize(4).allSatisfy(id -> assertThat(id).contains("entraide"));
        }

        @Test
        void readsTheEndpointOfASector() {
            Endpoint justice = client.read().resource(Endpoint.class).withId("sector-justice").execute();

            assertThat(justice.getAddress()).isEqualTo("urn:rabt:sector:justice");
            assertThat(justice.getPayloadMimeType()).extracting(Object::toString).containsExactly("application/xml");
        }

        @Test
        void answersAnUnknownIdWith404() {
            assertThatThrownBy(() -> client.read().resource(HealthcareService.class).withId("nowhere").execute())
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Nested
    class TheExchangePort {

        @Test
        void servesNeitherTheDirectoryNorTheFhirServer() {
            var health = sector("health", DATA);

            assertThat(health.get("/api/v1/directory").statusCode()).isEqualTo(404);
            assertThat(health.get("/fhir/metadata").statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(staffRequest("social.worker", path).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode organisation(JsonNode directory, String id) {
        for (JsonNode organisation : directory.get("organisations")) {
            if (organisation.get("id").asString().equals(id)) {
                return organisation;
            }
        }
        throw new AssertionError("no organisation " + id);
    }

    private static CapabilityStatementRestResourceComponent resource(List<CapabilityStatementRestResourceComponent> all,
            String type) {
        return all.stream().filter(r -> r.getType().equals(type)).findFirst().orElseThrow();
    }

    private static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource()).map(Resource::getIdElement)
                .map(id -> id.getIdPart()).toList();
    }
}
