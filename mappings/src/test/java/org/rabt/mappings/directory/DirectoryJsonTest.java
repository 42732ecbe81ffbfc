package org.rabt.mappings.directory;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rabt.mappings.directory.SmallDirectory.edited;
import static org.rabt.mappings.directory.SmallDirectory.organisation;
import static org.rabt.mappings.directory.SmallDirectory.service;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.json.SectorJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class DirectoryJsonTest {

    private final DirectoryJson json = new DirectoryJson();

    @Nested
    class AValidFile {

        private final Directory directory = SmallDirectory.read();

        @Test
        void givesItsEditionAndTheDayItIsInForce() {
            assertThat(directory.version()).isEqualTo("2026.7");
            assertThat(directory.validFrom()).isEqualTo(LocalDate.of(2026, 12, 15));
        }

        @Test
        void keepsTheOrganisationsInTheOrderOfTheFile() {
            assertThat(directory.organisations()).extracting(Organisation::id).containsExactly(
                    "tng-hmv", "tng-parquet", "tng-police", "tng-gendarmerie", "sal-education", "ma-onde");
        }

        @Test
        void readsAnOrganisationWithItsNamesAddressAndSector() {
            Organisation hospital = directory.organisation("tng-hmv").orElseThrow();

            assertThat(hospital.sector()).isEqualTo(SectorId.HEALTH);
            assertThat(hospital.name()).isEqualTo(new Names("Hôpital Mohammed V de Tanger", "مستشفى محمد الخامس بطنجة", null));
            assertThat(hospital.province()).isEqualTo("MA-TNG");
            assertThat(hospital.national()).isFalse();
            assertThat(hospital.address()).isEqualTo(new Address("Rue Moulay Rachid", "Tanger", "90000"));
        }

        @Test
        void derivesTheEndpointFromTheSector() {
            assertThat(directory.organisation("tng-parquet").orElseThrow().endpoint()).isEqualTo("urn:rabt:sector:justice");
        }

        @Test
        void readsContactPointsWithPhoneEmailOrBoth() {
            List<ContactPoint> contacts = directory.organisation("tng-hmv").orElseThrow().contacts();

            assertThat(contacts).containsExactly(
                    new ContactPoint("Salma Bouzid",
                            new Names("Médecin responsable de l'UIPC", "الطبيبة المسؤولة عن الوحدة المندمجة", null),
                            "+212539301222", "salma.bouzid@sante.example.org"),
                    new ContactPoint("Youssef Amrani",
                            new Names("Assistant social de l'UIPC", "المساعد الاجتماعي بالوحدة المندمجة", null),
                            null, "youssef.amrani@sante.example.org"));
        }

        @Test
        void readsAServiceWithItsCodeStagesAndHours() {
            Service forensic = directory.service("tng-hmv-medecine-legale").orElseThrow().service();

            assertThat(forensic.code()).isEqualTo("forensic-examination");
            assertThat(forensic.name().en()).isEqualTo("Forensic examination and medical certificate");
            assertThat(forensic.stages()).containsExactly(PathwayStage.INITIAL_DIAGNOSIS);
            assertThat(forensic.hours()).containsExactly(
                    new OpeningHours(List.of(Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI), null,
                            LocalTime.of(8, 30), LocalTime.of(16, 30)),
                    new OpeningHours(List.of(Weekday.SAT), null, LocalTime.of(9, 0), LocalTime.of(12, 0)));
        }

        @Test
        void readsRoundTheClockServicesAsAllDay() {
            Service uipc = directory.service("tng-hmv-uipc").orElseThrow().service();

            assertThat(uipc.hours()).singleElement().satisfies(hours -> {
                assertThat(hours.roundTheClock()).isTrue();
                assertThat(hours.days()).containsExactly(Weekday.values());
                assertThat(hours.opens()).isNull();
            });
            assertThat(uipc.hoursNote()).isEqualTo("Accueil par les urgences 24 h/24.");
            assertThat(uipc.stages()).containsExactly(PathwayStage.IMMEDIATE_ASSISTANCE, PathwayStage.ACCOMPANIMENT_AND_CARE);
        }

        @Test
        void marksTheNationalFreeLineAsServingEveryProvince() {
            Organisation line = directory.organisation("ma-onde").orElseThrow();

            assertThat(line.national()).isTrue();
            assertThat(line.serves("MA-MEK")).isTrue();
            assertThat(directory.organisation("tng-hmv").orElseThrow().serves("MA-MEK")).isFalse();
        }

        @Test
        void namesAServiceAsACardReceiver() {
            OfferedService parquet = directory.service("tng-parquet-cellule").orElseThrow();

            assertThat(parquet.receiver()).isEqualTo(new Party(SectorId.JUSTICE,
                    "Parquet près le Tribunal de première instance de Tanger", "tng-parquet-cellule", "MA-TNG"));
        }

        @Test
        void listsEveryServiceWithItsOrganisationInFileOrder() {
            assertThat(directory.services()).extracting(s -> s.organisation().id() + "/" + s.service().id()).containsExactly(
                    "tng-hmv/tng-hmv-uipc", "tng-hmv/tng-hmv-medecine-legale", "tng-parquet/tng-parquet-cellule",
                    "tng-police/tng-police-brigade-mineurs", "tng-gendarmerie/tng-gendarmerie-cellule",
                    "sal-education/sal-education-vie-scolaire", "ma-onde/ma-onde-2511", "ma-onde/ma-onde-avocat",
                    "ma-onde/ma-onde-signalement-parquet");
        }

        @Test
        void writesBackInTheShapeOfTheFileWithTheEndpointAdded() {
            JsonNode written = SectorJson.mapper().valueToTree(directory);
            JsonNode original = SectorJson.mapper().readTree(SmallDirectory.bytes());

            JsonNode hospital = written.get("organisations").get(0);
            assertThat(hospital.get("endpoint").asString()).isEqualTo("urn:rabt:sector:health");
            ((ObjectNode) written).get("organisations").forEach(o -> {
                ((ObjectNode) o).remove("endpoint");
                if (!o.get("national").asBoolean()) {
                    ((ObjectNode) o).remove("national");
                }
            });
            assertThat(written).isEqualTo(original);
        }
    }

    @Nested
    class ASchemaViolation {

        @Test
        void isRefusedWithTheSchemaCodeAndTheLocation() {
            assertViolation(tree -> organisation(tree, 1).put("sector", "ministry"), "/organisations/1/sector");
        }

        @Test
        void includesAnUnknownMember() {
            assertViolation(tree -> organisation(tree, 0).put("endpoint", "urn:rabt:sector:health"), "/organisations/0");
        }

        @Test
        void includesAMissingVersion() {
            assertViolation(tree -> tree.remove("version"), "");
        }

        @Test
        void includesAVersionThatIsNotYearAndSequence() {
            assertViolation(tree -> tree.put("version", "v2"), "/version");
        }

        @Test
        void includesAValidFromThatIsNotADate() {
            assertViolation(tree -> tree.put("validFrom", "01/12/2026"), "/validFrom");
        }

        @Test
        void includesAProvinceThatIsNotAnIsoCode() {
            assertViolation(tree -> organisation(tree, 0).put("province", "Tanger"), "/organisations/0/province");
        }

        @Test
        void includesAStageOutsideTheSixOfThePathway() {
            assertViolation(tree -> service(tree, 0, 0).putArray("stages").add(7), "/organisations/0/services/0/stages/0");
        }

        @Test
        void includesAServiceNameWithoutItsEnglishName() {
            assertViolation(tree -> ((ObjectNode) service(tree, 0, 0).get("name")).remove("en"),
                    "/organisations/0/services/0/name");
        }

        @Test
        void includesAnOrganisationWithoutContactPoints() {
            assertViolation(tree -> organisation(tree, 0).putArray("contacts"), "/organisations/0/contacts");
        }

        @Test
        void includesAContactPointWithNeitherPhoneNorEmail() {
            assertViolation(tree -> ((ObjectNode) organisation(tree, 1).get("contacts").get(0)).remove("phone"),
                    "/organisations/1/contacts/0");
        }

        @Test
        void includesAPhoneNumberThatIsNotMoroccan() {
            assertViolation(tree -> ((ObjectNode) organisation(tree, 1).get("contacts").get(0)).put("phone", "0539401525"),
                    "/organisations/1/contacts/0/phone");
        }

        @Test
        void includesHoursBothAllDayAndWithTimes() {
            assertViolation(tree -> ((ObjectNode) service(tree, 0, 0).get("hours").get(0)).put("opens", "08:00"),
                    "/organisations/0/services/0/hours/0");
        }

        @Test
        void includesATimeThatIsNotHoursAndMinutes() {
            assertViolation(tree -> ((ObjectNode) service(tree, 0, 1).get("hours").get(0)).put("opens", "8h30"),
                    "/organisations/0/services/1/hours/0/opens");
        }

        @Test
        void includesAnUnknownDay() {
            assertViolation(tree -> ((ObjectNode) service(tree, 0, 1).get("hours").get(0)).putArray("days").add("lundi"),
                    "/organisations/0/services/1/hours/0/days/0");
        }

        @Test
        void includesAnIdThatCannotBeAFhirId() {
            assertViolation(tree -> service(tree, 0, 0).put("id", "TNG HMV UIPC"), "/organisations/0/services/0/id");
        }

        private void assertViolation(Consumer<ObjectNode> edit, String field) {
            byte[] broken = edited(edit);

            assertThatThrownBy(() -> json.read(broken))
                    .isInstanceOfSatisfying(MappingException.class, e -> {
                        assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
                        assertThat(e.field()).isEqualTo(field);
                    });
        }
    }

    @Nested
    class ARuleTheSchemaCannotSay {

        @Test
        void refusesTwoOrganisationsWithOneId() {
            assertInvalid(tree -> organisation(tree, 2).put("id", "tng-hmv"), "/organisations/2/id",
                    "'tng-hmv' is already the id of /organisations/0");
        }

        @Test
        void refusesTwoServicesWithOneIdEvenInDifferentOrganisations() {
            assertInvalid(tree -> service(tree, 5, 1).put("id", "tng-hmv-uipc"), "/organisations/5/services/1/id",
                    "'tng-hmv-uipc' is already the id of /organisations/0/services/0");
        }

        @Test
        void refusesAServiceThatClosesBeforeItOpens() {
            assertInvalid(tree -> ((ObjectNode) service(tree, 0, 1).get("hours").get(1)).put("closes", "08:00"),
                    "/organisations/0/services/1/hours/1/closes", "08:00 is not after the opening time 09:00");
        }

        private void assertInvalid(Consumer<ObjectNode> edit, String field, String detail) {
            byte[] broken = edited(edit);

            assertThatThrownBy(() -> json.read(broken))
                    .isInstanceOfSatisfying(MappingException.class, e -> {
                        assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
                        assertThat(e.field()).isEqualTo(field);
                        assertThat(e.detail()).contains(detail);
                    });
        }
    }

    @Nested
    class ABodyThatIsNotJson {

        @Test
        void isRefusedAsUnparseable() {
            assertThatThrownBy(() -> json.read("organisations: []".getBytes(UTF_8)))
                    .isInstanceOfSatisfying(MappingException.class,
                            e -> assertThat(e.error()).isEqualTo(MappingError.UNPARSEABLE));
        }

        @Test
        void isRefusedWhenAMemberIsRepeated() {
            byte[] twice = "{\"version\": \"2026.1\", \"version\": \"2026.2\"}".getBytes(UTF_8);

            assertThatThrownBy(() -> json.read(twice))
                    .isInstanceOfSatisfying(MappingException.class,
                            e -> assertThat(e.error()).isEqualTo(MappingError.UNPARSEABLE));
        }
    }
}
