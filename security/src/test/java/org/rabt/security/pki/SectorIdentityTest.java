package org.rabt.security.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.security.SecurityViolation;
import org.rabt.security.TestCertificates;

class SectorIdentityTest {

    static final Set<String> KNOWN = Set.of("health", "justice", "police");

    @TempDir
    static Path dir;
    static HubPki pki;

    @BeforeAll
    static void createPki() {
        pki = HubPki.loadOrCreate(dir, List.of("health", "justice", "police", "labour"), List.of());
    }

    static X509Certificate sector(String sector) {
        return pki.sectorCertificate(sector).orElseThrow();
    }

    static void assertCode(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SecurityViolation.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Nested
    class SectorOf {

        @Test
        void readsTheSectorFromTheCommonNameOfASectorCertificate() {
            assertThat(SectorIdentity.sectorOf(sector("health"), KNOWN)).isEqualTo("health");
            assertThat(SectorIdentity.sectorOf(sector("police"), KNOWN)).isEqualTo("police");
        }

        @Test
        void rejectsASectorCertificateWhoseSectorIsNotKnownWithA003() {
            assertCode(() -> SectorIdentity.sectorOf(sector("labour"), KNOWN), "RABT-A003");
        }

        @Test
        void rejectsTheHubsOwnCertificatesWhoseUnitIsNotSectorWithA003() {
            assertCode(() -> SectorIdentity.sectorOf(pki.hubSigner().certificate(), KNOWN), "RABT-A003");
            assertCode(() -> SectorIdentity.sectorOf(pki.exchangeKeyMaterial().certificate(), KNOWN), "RABT-A003");
            assertCode(() -> SectorIdentity.sectorOf(pki.caCertificate(), KNOWN), "RABT-A003");
        }

        @Test
        void rejectsAKnownSectorNameWithoutTheSectorUnitWithA003() {
            assertCode(() -> SectorIdentity.sectorOf(TestCertificates.selfSigned("CN=health,O=Rabt,C=MA").certificate(), KNOWN),
                    "RABT-A003");
            assertCode(() -> SectorIdentity.sectorOf(TestCertificates.selfSigned("CN=health,OU=hub,O=Rabt,C=MA").certificate(), KNOWN),
                    "RABT-A003");
        }

        @Test
        void rejectsSubjectsWithTwoCommonNamesOrTwoUnitsWithA003() {
            assertCode(() -> SectorIdentity.sectorOf(
                    TestCertificates.selfSigned("CN=health,CN=justice,OU=sector,O=Rabt,C=MA").certificate(), KNOWN), "RABT-A003");
            assertCode(() -> SectorIdentity.sectorOf(
                    TestCertificates.selfSigned("CN=health,OU=sector,OU=hub,O=Rabt,C=MA").certificate(), KNOWN), "RABT-A003");
        }

        @Test
        void matchesTheSectorIdExactlyNotIgnoringCase() {
            assertCode(() -> SectorIdentity.sectorOf(
                    TestCertificates.selfSigned("CN=Health,OU=sector,O=Rabt,C=MA").certificate(), KNOWN), "RABT-A003");
        }
    }

    @Nested
    class RequireSector {

        @Test
        void acceptsASectorOnItsOwnPath() {
            assertThat(SectorIdentity.requireSector(sector("justice"), "justice", KNOWN)).isEqualTo("justice");
        }

        @Test
        void rejectsASectorOnAnotherSectorsPathWithA002NamingBoth() {
            assertThatThrownBy(() -> SectorIdentity.requireSector(sector("justice"), "health", KNOWN))
                    .isInstanceOfSatisfying(SecurityViolation.class, e -> {
                        assertThat(e.code()).isEqualTo("RABT-A002");
                        assertThat(e.detail()).contains("'justice'").contains("'health'");
                    });
        }

        @Test
        void rejectsACertificateNamingNoSectorWithA003BeforeLookingAtThePath() {
            assertCode(() -> SectorIdentity.requireSector(pki.hubSigner().certificate(), "health", KNOWN), "RABT-A003");
        }
    }
}
