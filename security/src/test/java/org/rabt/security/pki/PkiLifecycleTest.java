package org.rabt.security.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.security.CryptoUtils;
import org.rabt.security.KeyMaterial;
import org.rabt.security.OpenSslCli;
import org.rabt.security.Pem;
import org.rabt.security.SecurityMisconfiguration;
import org.rabt.security.SecurityViolation;
import org.rabt.security.TestCertificates;

/**
 * Enrolment and revocation as the operator's commands and a hub running beside them see it: two
 * {@link HubPki} instances on one directory, one playing {@code pki enrol|revoke}, the other the hub.
 */
class PkiLifecycleTest {

    static final List<String> SECTORS = List.of("health", "justice");

    @TempDir
    Path pkiDir;

    HubPki hub;
    HubPki operator;

    @BeforeEach
    void hubStartedOnce() {
        hub = HubPki.loadOrCreate(pkiDir, SECTORS, List.of());
        operator = HubPki.open(pkiDir);
    }

    @Nested
    class Enrolment {

        @Test
        void issuesANewKeyAndCertificateFromTheHubsCaAndRegistersTheCertificate() {
            X509Certificate before = hub.sectorCertificate("health").orElseThrow();

            KeyMaterial enrolled = operator.enrolSector("health");

            assertThat(enrolled.certificate()).isNotEqualTo(before);
            assertThat(CryptoUtils.isIssuedBy(enrolled.certificate(), hub.caCertificate())).isTrue();
            assertThat(CryptoUtils.isKeyPair(enrolled.key(), enrolled.certificate().getPublicKey())).isTrue();
            assertThat(enrolled.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=health,OU=sector,O=Rabt,C=MA");
            assertThat(Pem.readCertificate(pkiDir.resolve("sectors/health/cert.pem"))).isEqualTo(enrolled.certificate());
        }

        @Test
        void theRunningHubExpectsTheNewCertificateAtItsNextUseWithoutARestart() {
            KeyMaterial enrolled = operator.enrolSector("health");

            assertThat(hub.sectorCertificate("health")).contains(enrolled.certificate());
            assertThat(hub.sectorCertificates()).containsEntry("health", enrolled.certificate());
            assertThat(hub.sectorKeyMaterial("health")).as("the hub keeps no key of an enrolled sector").isEmpty();
            assertThat(hub.sectorCertificate("justice")).as("other sectors unchanged")
                    .contains(operator.sectorCertificate("justice").orElseThrow());
        }

        @Test
        void theSectorsKeyIsNotKeptUnderTheDataDirectoryAndTheHubStillStartsAfterwards() {
            operator.enrolSector("health");

            assertThat(pkiDir.resolve("sectors/health/key.pem")).doesNotExist();
            assertThat(HubPki.loadOrCreate(pkiDir, SECTORS, List.of()).sectorCertificate("health"))
                    .contains(operator.sectorCertificate("health").orElseThrow());
        }

        @Test
        void withoutAPkiTheCommandSaysToStartTheHubFirst(@TempDir Path empty) {
            assertThatThrownBy(() -> HubPki.open(empty))
                    .isInstanceOf(SecurityMisconfiguration.class)
                    .hasMessageContaining("RABT-S901").hasMessageContaining("start the hub once");
        }
    }

    @Nested
    class Revocation {

        @Test
        void noListMeansNothingIsRevoked() {
            assertThat(pkiDir.resolve("revoked.crl")).doesNotExist();
            assertThat(hub.revocations().isRevoked(hub.sectorCertificate("health").orElseThrow())).isFalse();
        }

        @Test
        void aRevokedCertificateIsOnTheListTheRunningHubReadsAndOthersAreNot() {
            X509Certificate health = hub.sectorCertificate("health").orElseThrow();
            assertThat(hub.revocations().isRevoked(health)).isFalse(); // read once before: the change must be noticed

            X509Certificate revoked = operator.revokeSectorCertificate("health");

            assertThat(revoked).isEqualTo(health);
            assertThat(hub.revocations().isRevoked(health)).isTrue();
            assertThat(hub.revocations().isRevoked(hub.sectorCertificate("justice").orElseThrow())).isFalse();
        }

        @Test
        void revocationsAccumulateAndARepeatedOneIsHarmless() {
            X509Certificate health = operator.revokeSectorCertificate("health");
            X509Certificate justice = operator.revokeSectorCertificate("justice");
            operator.revoke(health.getSerialNumber());

            assertThat(hub.revocations().revokedSerials())
                    .containsExactlyInAnyOrder(health.getSerialNumber(), justice.getSerialNumber());
        }

        @Test
        void theSameSerialFromAnotherIssuerIsNotRevoked() {
            X509Certificate health = operator.revokeSectorCertificate("health");
            KeyMaterial stranger = TestCertificates.selfSigned("CN=health,OU=sector,O=Elsewhere,C=MA");

            assertThat(hub.revocations().isRevoked(stranger.certificate().getIssuerX500Principal(), health.getSerialNumber()))
                    .isFalse();
        }

        @Test
        void aListNotSignedByTheHubsCaFailsClosed(@TempDir Path otherDir) throws Exception {
            HubPki other = HubPki.loadOrCreate(otherDir, SECTORS, List.of());
            other.revokeSectorCertificate("health");
            Files.copy(other.revocationFile(), hub.revocationFile());

            assertThatThrownBy(() -> hub.revocations().isRevoked(hub.sectorCertificate("health").orElseThrow()))
                    .isInstanceOf(SecurityMisconfiguration.class).hasMessageContaining("RABT-S902");
        }

        @Test
        void theListIsAStandardCrlThatOpensslHonours() throws Exception {
            assumeThat(OpenSslCli.available()).isTrue();
            operator.revokeSectorCertificate("health");

            var health = OpenSslCli.run(pkiDir, "verify", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "revoked.crl",
                    "sectors/health/cert.pem");
            var justice = OpenSslCli.run(pkiDir, "verify", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "revoked.crl",
                    "sectors/justice/cert.pem");

            assertThat(health.succeeded()).isFalse();
            assertThat(health.output()).contains("certificate revoked");
            assertThat(justice.succeeded()).as(justice.output()).isTrue();
        }
    }

    @Nested
    class TrustForTls {

        @Test
        void theTrustManagerAcceptsAValidSectorChainAndRefusesItOnceRevokedWithoutBeingRebuilt() throws Exception {
            var trust = SectorTrust.of(hub, Optional.empty()).trustManager();
            X509Certificate[] chain = {hub.sectorCertificate("health").orElseThrow(), hub.caCertificate()};
            trust.checkClientTrusted(chain, "ECDHE_ECDSA");

            operator.revokeSectorCertificate("health");

            assertThatThrownBy(() -> trust.checkClientTrusted(chain, "ECDHE_ECDSA"))
                    .isInstanceOf(CertificateException.class).hasMessageContaining("RABT-S007");
        }

        @Test
        void aCertificateOfAnUntrustedCaIsRefusedByTheUsualValidation() {
            var trust = SectorTrust.of(hub, Optional.empty()).trustManager();
            KeyMaterial stranger = TestCertificates.selfSigned("CN=health,OU=sector,O=Elsewhere,C=MA");

            assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[] {stranger.certificate()}, "ECDHE_ECDSA"))
                    .isInstanceOf(CertificateException.class);
        }

        @Test
        void anExternalCaFromTheBundleIsTrustedBesideTheHubsOwn(@TempDir Path otherDir) throws Exception {
            KeyMaterial external = TestCertificates.selfSigned("CN=Provincial CA,O=Wilaya,C=MA");
            Path bundle = otherDir.resolve("external.pem");
            Files.writeString(bundle, Pem.toPem(external.certificate()));
            // a self-signed certificate without basicConstraints CA:true is refused as a trust anchor
            assertThatThrownBy(() -> SectorTrust.of(hub, Optional.of(bundle)))
                    .isInstanceOf(SecurityMisconfiguration.class).hasMessageContaining("not a CA certificate");

            HubPki externalPki = HubPki.loadOrCreate(otherDir.resolve("pki"), SECTORS, List.of());
            assertThatThrownBy(() -> SectorTrust.of(hub, Optional.of(externalPki.directory().resolve("ca.pem"))))
                    .as("a CA named like the hub's would be confused with it by issuer and serial")
                    .isInstanceOf(SecurityMisconfiguration.class).hasMessageContaining("name of its own");
        }

        @Test
        void requireNotRevokedNamesTheCode() {
            SectorTrust trust = SectorTrust.of(hub, Optional.empty());
            X509Certificate revoked = operator.revokeSectorCertificate("justice");

            assertThatThrownBy(() -> trust.requireNotRevoked(revoked))
                    .isInstanceOf(SecurityViolation.class).hasMessageStartingWith("RABT-S007");
        }
    }
}
