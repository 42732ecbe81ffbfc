package org.rabt.mappings.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.cpm.RequestedService;
import org.rabt.mappings.cpm.SectorId;

/** The directory answers who provides a requested service to a child of a province. */
class DirectoryRoutingTest {

    private final Directory directory = SmallDirectory.read();

    @Nested
    class TheProvidersOfAServiceCode {

        @Test
        void areTheProvincesOwnServicesWithThatCode() {
            assertThat(ids(directory.providers("forensic-examination", "MA-TNG"))).containsExactly("tng-hmv-medecine-legale");
        }

        @Test
        void listTheProvincesOwnServicesBeforeTheNationalOnes() {
            assertThat(ids(directory.providers("legal-protection", "MA-TNG")))
                    .containsExactly("tng-parquet-cellule", "ma-onde-signalement-parquet");
        }

        @Test
        void fallBackToANationalServiceWhereTheProvinceHasNone() {
            assertThat(ids(directory.providers("legal-protection", "MA-MEK"))).containsExactly("ma-onde-signalement-parquet");
        }

        @Test
        void neverIncludeAnotherProvincesServices() {
            assertThat(directory.providers("school-reintegration", "MA-TNG")).isEmpty();
            assertThat(ids(directory.providers("school-reintegration", "MA-SAL"))).containsExactly("sal-education-vie-scolaire");
        }

        @Test
        void mayBeOfSeveralSectorsInTheOrderOfTheFile() {
            assertThat(directory.providers("emergency-intervention", "MA-TNG"))
                    .extracting(s -> s.organisation().sector())
                    .containsExactly(SectorId.POLICE, SectorId.GENDARMERIE);
        }

        @Test
        void areNoneForACodeNobodyOffers() {
            assertThat(directory.providers("space-travel", "MA-TNG")).isEmpty();
        }
    }

    @Nested
    class ARequestedService {

        @Test
        void isRoutedToItsProvidersSectorOrganisationAndService() {
            RequestedService request = new RequestedService("medical-care", null, null, null);

            assertThat(directory.route(request, "MA-TNG")).map(OfferedService::receiver).contains(
                    new Party(SectorId.HEALTH, "Hôpital Mohammed V de Tanger", "tng-hmv-uipc", "MA-TNG"));
        }

        @Test
        void goesToTheFirstProviderInTheFileWhenTheRequestNamesNoSector() {
            RequestedService request = new RequestedService("emergency-intervention", null, null, null);

            assertThat(directory.route(request, "MA-TNG")).map(s -> s.service().id()).contains("tng-police-brigade-mineurs");
        }

        @Test
        void staysWithinTheSectorTheRequestNames() {
            RequestedService request = new RequestedService("emergency-intervention", Party.of(SectorId.GENDARMERIE), null, null);

            assertThat(directory.route(request, "MA-TNG")).map(s -> s.service().id()).contains("tng-gendarmerie-cellule");
        }

        @Test
        void goesToTheServiceTheRequestNamesWhenItProvidesTheCode() {
            Party target = new Party(SectorId.FREELINE, null, "ma-onde-signalement-parquet", null);
            RequestedService request = new RequestedService("legal-protection", target, null, null);

            assertThat(directory.route(request, "MA-TNG")).map(s -> s.service().id()).contains("ma-onde-signalement-parquet");
        }

        @Test
        void ignoresANamedServiceThatDoesNotProvideTheCode() {
            Party target = new Party(SectorId.HEALTH, null, "tng-hmv-medecine-legale", null);
            RequestedService request = new RequestedService("medical-care", target, null, null);

            assertThat(directory.route(request, "MA-TNG")).map(s -> s.service().id()).contains("tng-hmv-uipc");
        }

        @Test
        void isNotRoutedWhenNoProviderOfItsSectorServesTheProvince() {
            RequestedService request = new RequestedService("legal-protection", Party.of(SectorId.JUSTICE), null, null);

            assertThat(directory.route(request, "MA-MEK")).isEmpty();
        }
    }

    @Nested
    class TheBasketOfAStage {

        @Test
        void holdsTheProvincesServicesOfThatStageThenTheNationalOnes() {
            assertThat(ids(directory.basket(PathwayStage.INITIAL_DIAGNOSIS, "MA-TNG")))
                    .containsExactly("tng-hmv-medecine-legale", "tng-parquet-cellule", "ma-onde-signalement-parquet");
        }

        @Test
        void holdsAServiceInEveryStageItBelongsTo() {
            assertThat(ids(directory.basket(PathwayStage.IMMEDIATE_ASSISTANCE, "MA-TNG")))
                    .containsExactly("tng-hmv-uipc", "tng-police-brigade-mineurs", "tng-gendarmerie-cellule");
            assertThat(ids(directory.basket(PathwayStage.ACCOMPANIMENT_AND_CARE, "MA-TNG")))
                    .containsExactly("tng-hmv-uipc", "tng-parquet-cellule", "ma-onde-avocat");
        }

        @Test
        void ofAnotherProvinceHoldsOnlyItsOwnAndNationalServices() {
            assertThat(ids(directory.basket(PathwayStage.REHABILITATION_AND_REINTEGRATION, "MA-SAL")))
                    .containsExactly("sal-education-vie-scolaire");
            assertThat(directory.basket(PathwayStage.REHABILITATION_AND_REINTEGRATION, "MA-TNG")).isEmpty();
        }
    }

    private static List<String> ids(List<OfferedService> services) {
        return services.stream().map(s -> s.service().id()).toList();
    }
}
