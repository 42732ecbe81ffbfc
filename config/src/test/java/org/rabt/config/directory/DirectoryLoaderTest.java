package org.rabt.config.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.cpm.RequestedService;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.directory.Directory;
import org.rabt.mappings.directory.OfferedService;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The directory file shipped in the jar is valid and complete; a bad one is refused with a clear message. */
class DirectoryLoaderTest {

    static final List<String> PILOT_PROVINCES = List.of("MA-TNG", "MA-SAL", "MA-MEK", "MA-CAS");

    private final DirectoryLoader loader = new DirectoryLoader();

    @Nested
    class TheShippedEdition {

        private final Directory directory = loader.load(DirectoryProperties.SHIPPED);

        @Test
        void isValidAndVersioned() {
            assertThat(directory.version()).matches("\\d{4}\\.\\d+");
            assertThat(directory.validFrom()).isNotNull();
        }

        @Test
        void hasEveryExternalSectorAndTheCentreInEachPilotProvince() {
            for (String province : PILOT_PROVINCES) {
                Set<SectorId> sectors = directory.organisations().stream()
                        .filter(o -> o.province().equals(province))
                        .map(o -> o.sector())
                        .collect(Collectors.toSet());
                assertThat(sectors).as(province).containsExactlyInAnyOrder(SectorId.values());
            }
        }

        @Test
        void hasAServiceAtEveryStageOfThePathwayInEachPilotProvince() {
            for (String province : PILOT_PROVINCES) {
                for (PathwayStage stage : PathwayStage.values()) {
                    assertThat(directory.basket(stage, province)).as(province + " stage " + stage.number()).isNotEmpty();
                }
            }
        }

        @Test
        void routesTheServicesTheExampleCardsRequestInEachPilotProvince() {
            // the codes of the health examples (mappings/src/main/resources/health/examples)
            for (String province : PILOT_PROVINCES) {
                assertThat(route("legal-protection", province).organisation().sector()).isEqualTo(SectorId.JUSTICE);
                assertThat(route("school-reintegration", province).organisation().sector()).isEqualTo(SectorId.EDUCATION);
                assertThat(route("labour-withdrawal", province).organisation().sector()).isEqualTo(SectorId.LABOUR);
                assertThat(route("forensic-examination", province).organisation().sector()).isEqualTo(SectorId.HEALTH);
                assertThat(route("legal-protection", province).organisation().province()).isEqualTo(province);
            }
        }

        @Test
        void routesToTheProvincesOwnOrganisation() {
            assertThat(route("school-reintegration", "MA-SAL").organisation().id()).isEqualTo("sal-education");
            assertThat(route("medical-care", "MA-CAS").receiver().provinceCode()).isEqualTo("MA-CAS");
        }

        @Test
        void routesTheNationalHelplineFromEveryProvince() {
            for (String province : PILOT_PROVINCES) {
                assertThat(route("helpline", province).organisation().id()).isEqualTo("ma-onde");
            }
        }

        @Test
        void offersEmergencyInterventionByPoliceThenGendarmerie() {
            assertThat(directory.providers("emergency-intervention", "MA-MEK"))
                    .extracting(s -> s.organisation().sector())
                    .containsExactly(SectorId.POLICE, SectorId.GENDARMERIE);
        }

        private OfferedService route(String code, String province) {
            return directory.route(new RequestedService(code, null, null, null), province)
                    .orElseThrow(() -> new AssertionError("no provider of " + code + " in " + province));
        }
    }

    @Nested
    class ABadFile {

        @TempDir
        Path dir;

        @Test
        void isRefusedNamingTheFileTheCodeAndThePlace() throws IOException {
            String location = write(shipped().replaceFirst("\"stages\": \\[[^\\]]*\\]", "\"stages\": [7]"));

            assertThatThrownBy(() -> loader.load(location))
                    .isInstanceOfSatisfying(InvalidDirectoryException.class, e -> {
                        assertThat(e.location()).isEqualTo(location);
                        assertThat(e.problem()).startsWith("RABT-M007: /organisations/0/services/0/stages/0");
                        assertThat(e.getMessage()).contains(location);
                        assertThat(e.getCause()).isInstanceOf(MappingException.class);
                    });
        }

        @Test
        void isRefusedWithoutAVersion() throws IOException {
            String location = write(shipped().replaceFirst("\"version\": \"[^\"]*\",", ""));

            assertThatThrownBy(() -> loader.load(location))
                    .isInstanceOfSatisfying(InvalidDirectoryException.class,
                            e -> assertThat(e.problem()).startsWith("RABT-M007").contains("version"));
        }

        @Test
        void isRefusedWhenItIsNotJson() throws IOException {
            String location = write("{ \"version\": ");

            assertThatThrownBy(() -> loader.load(location))
                    .isInstanceOfSatisfying(InvalidDirectoryException.class,
                            e -> assertThat(e.problem()).startsWith("RABT-M001"));
        }

        @Test
        void isRefusedWhenTwoServicesShareAnId() throws IOException {
            String location = write(shipped().replace("\"id\": \"sal-hma-", "\"id\": \"tng-hmv-"));

            assertThatThrownBy(() -> loader.load(location))
                    .isInstanceOfSatisfying(InvalidDirectoryException.class,
                            e -> assertThat(e.problem()).startsWith("RABT-M004").contains("is already the id of"));
        }

        @Test
        void thatDoesNotExistIsRefusedAsMissing() {
            String location = "file:" + dir.resolve("nowhere.json");

            assertThatThrownBy(() -> loader.load(location))
                    .isInstanceOfSatisfying(InvalidDirectoryException.class,
                            e -> assertThat(e.problem()).isEqualTo("there is no such file"));
        }

        @Test
        void stopsTheStartWithAReportSayingWhatToDo() throws IOException {
            String location = write("[]");
            InvalidDirectoryException invalid = catchInvalid(location);
            // Spring wraps it on the way up; the analyzer finds it in the chain
            BeanCreationException startFailure = new BeanCreationException("directory", "wrapped", invalid);

            FailureAnalysis analysis = new InvalidDirectoryFailureAnalyzer().analyze(startFailure);

            assertThat(analysis.getDescription()).contains(location).contains("RABT-M007");
            assertThat(analysis.getAction()).contains("docs/directory.md").contains("rabt.directory.location");
        }

        private InvalidDirectoryException catchInvalid(String location) {
            try {
                loader.load(location);
            } catch (InvalidDirectoryException e) {
                return e;
            }
            throw new AssertionError("the file at " + location + " was accepted");
        }

        private String write(String content) throws IOException {
            Path file = dir.resolve("directory.json");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return "file:" + file;
        }
    }

    private static String shipped() throws IOException {
        try (var in = DirectoryLoaderTest.class.getResourceAsStream("/directory/directory.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
