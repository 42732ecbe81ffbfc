package org.rabt.security.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.security.CryptoUtils;
import org.rabt.security.Pem;
import org.rabt.security.SecurityViolation;
import org.rabt.security.KeyMaterial;
import org.rabt.security.envelope.CardEnvelope;
import org.rabt.security.SecurityMisconfiguration;

class HubPkiTest {

    /** A card as a sector seals it for hub.pem. */
    static final byte[] CARD = "{\"identifiantCarte\":\"c1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);


    static final List<String> SECTORS = List.of("health", "justice", "education");
    static final List<String> HOSTNAMES = List.of("rabt.example.ma", "10.20.30.40");
    static final Instant NOW = Instant.parse("2026-11-29T10:15:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    // java.security.cert.X509Certificate#getKeyUsage indexes
    static final int DIGITAL_SIGNATURE = 0;
    static final int NON_REPUDIATION = 1;
    static final int KEY_CERT_SIGN = 5;
    static final int CRL_SIGN = 6;

    @TempDir
    Path dir;

    HubPki pki;

    @BeforeEach
    void createPki() {
        pki = HubPki.loadOrCreate(dir, SECTORS, HOSTNAMES, CLOCK);
    }

    @Nested
    class OnFirstStart {

        @Test
        void writesTheCaTheExchangeAndHubPairsAndOnePairPerSectorAtTheContractPaths() throws IOException {
            try (Stream<Path> files = Files.walk(dir)) {
                assertThat(files.filter(Files::isRegularFile).map(file -> dir.relativize(file).toString()))
                        .containsExactlyInAnyOrder("ca.pem", "ca-key.pem", "hub.pem",
                                "exchange/cert.pem", "exchange/key.pem", "hub/cert.pem", "hub/key.pem",
                                "sectors/health/cert.pem", "sectors/health/key.pem",
                                "sectors/justice/cert.pem", "sectors/justice/key.pem",
                                "sectors/education/cert.pem", "sectors/education/key.pem");
            }
            assertThat(Pem.readCertificate(dir.resolve("ca.pem"))).isEqualTo(pki.caCertificate());
            assertThat(Pem.readCertificate(dir.resolve("sectors/justice/cert.pem")))
                    .isEqualTo(pki.sectorCertificate("justice").orElseThrow());
            assertThat(pki.sectorIds()).containsExactly("education", "health", "justice");
        }

        @Test
        void caIsSelfSignedWithCriticalCaConstraintOfPathLengthOneAndCertSignKeyUsage() throws Exception {
            X509Certificate ca = pki.caCertificate();
            assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=Rabt Hub CA,O=Rabt,C=MA");
            assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
            ca.verify(ca.getPublicKey());
            assertThat(ca.getBasicConstraints()).isEqualTo(1);
            assertThat(ca.getCriticalExtensionOIDs())
                    .contains(Extension.basicConstraints.getId(), Extension.keyUsage.getId());
            assertThat(trueBits(ca.getKeyUsage())).containsExactlyInAnyOrder(KEY_CERT_SIGN, CRL_SIGN);
            assertThat(ca.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
        }

        @Test
        void caIsValidForTenYearsFromFiveMinutesBeforeTheClock() {
            X509Certificate ca = pki.caCertificate();
            assertThat(ca.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS));
            assertThat(ca.getNotAfter().toInstant()).isEqualTo(NOW.atOffset(ZoneOffset.UTC).plusYears(10).toInstant());
        }

        @Test
        void everyIssuedCertificateValidatesToTheCaAsPkixTrustAnchor() throws Exception {
            List<X509Certificate> issued = new ArrayList<>(pki.sectorCertificates().values());
            issued.add(pki.exchangeKeyMaterial().certificate());
            issued.add(pki.hubSigner().certificate());
            for (X509Certificate certificate : issued) {
                assertThat(pkixValid(certificate, pki.caCertificate())).as(certificate.getSubjectX500Principal().getName()).isTrue();
            }
        }

        @Test
        void issuedCertificatesAreValidForTwoYearsAndAreNotCas() {
            X509Certificate sector = pki.sectorCertificate("health").orElseThrow();
            assertThat(sector.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS));
            assertThat(sector.getNotAfter().toInstant()).isEqualTo(NOW.atOffset(ZoneOffset.UTC).plusYears(2).toInstant());
            assertThat(sector.getBasicConstraints()).isEqualTo(-1);
            assertThat(pki.exchangeKeyMaterial().certificate().getBasicConstraints()).isEqualTo(-1);
            assertThat(pki.hubSigner().certificate().getBasicConstraints()).isEqualTo(-1);
        }

        @Test
        void issuedCertificatesNameTheCaKeyAsAuthorityKeyIdentifier() throws Exception {
            byte[] caKeyId = SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(
                    pki.caCertificate().getExtensionValue(Extension.subjectKeyIdentifier.getId())).getOctets()).getKeyIdentifier();
            X509CertificateHolder sector = new X509CertificateHolder(pki.sectorCertificate("health").orElseThrow().getEncoded());
            AuthorityKeyIdentifier authority = AuthorityKeyIdentifier.fromExtensions(sector.getExtensions());
            assertThat(authority.getKeyIdentifier()).isEqualTo(caKeyId);
        }

        @Test
        void exchangeCertificateNamesLocalhostTheConfiguredHostsAndBothLoopbackAddresses() throws Exception {
            X509Certificate exchange = pki.exchangeKeyMaterial().certificate();
            List<String> dnsNames = new ArrayList<>();
            List<InetAddress> addresses = new ArrayList<>();
            for (List<?> name : exchange.getSubjectAlternativeNames()) {
                if ((Integer) name.get(0) == 2) {
                    dnsNames.add((String) name.get(1));
                } else if ((Integer) name.get(0) == 7) {
                    addresses.add(InetAddress.getByName((String) name.get(1)));
                }
            }
            assertThat(dnsNames).containsExactlyInAnyOrder("localhost", "rabt.example.ma");
            assertThat(addresses).containsExactlyInAnyOrder(InetAddress.getByName("127.0.0.1"),
                    InetAddress.getByName("::1"), InetAddress.getByName("10.20.30.40"));
        }

        @Test
        void exchangeCertificateIsForTlsServersOnly() throws Exception {
            X509Certificate exchange = pki.exchangeKeyMaterial().certificate();
            assertThat(exchange.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
            assertThat(trueBits(exchange.getKeyUsage())).containsExactly(DIGITAL_SIGNATURE);
            assertThat(pki.exchangeKeyMaterial().chain()).containsExactly(exchange, pki.caCertificate());
        }

        @Test
        void hubSignerIsNamedRabtHubAndServesSMimeSigningAndTlsClientAuth() throws Exception {
            X509Certificate hub = pki.hubSigner().certificate();
            assertThat(hub.getSubjectX500Principal().getName()).isEqualTo("CN=rabt-hub,OU=hub,O=Rabt,C=MA");
            assertThat(hub.getExtendedKeyUsage()).containsExactlyInAnyOrder(EMAIL_PROTECTION, CLIENT_AUTH);
            assertThat(trueBits(hub.getKeyUsage())).containsExactlyInAnyOrder(DIGITAL_SIGNATURE, NON_REPUDIATION);
            assertThat(hub.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId());
        }

        @Test
        void sectorCertificatesNameTheSectorAndServeTlsClientAuthAndSigning() throws Exception {
            for (String sector : SECTORS) {
                X509Certificate certificate = pki.sectorCertificate(sector).orElseThrow();
                assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=" + sector + ",OU=sector,O=Rabt,C=MA");
                assertThat(certificate.getExtendedKeyUsage()).containsExactlyInAnyOrder(CLIENT_AUTH, EMAIL_PROTECTION);
                assertThat(trueBits(certificate.getKeyUsage())).containsExactlyInAnyOrder(DIGITAL_SIGNATURE, NON_REPUDIATION);
            }
        }

        @Test
        void keysArePkcs8PemOnP256AndMatchTheirCertificates() throws IOException {
            for (String file : List.of("ca-key.pem", "exchange/key.pem", "hub/key.pem", "sectors/health/key.pem")) {
                assertThat(Files.readString(dir.resolve(file))).as(file).startsWith("-----BEGIN PRIVATE KEY-----");
                assertThat(Pem.readPrivateKey(dir.resolve(file))).isInstanceOfSatisfying(ECPrivateKey.class,
                        key -> assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(256));
            }
            var health = pki.sectorKeyMaterial("health").orElseThrow();
            assertThat(CryptoUtils.isKeyPair(health.key(), health.certificate().getPublicKey())).isTrue();
            assertThat(CryptoUtils.isKeyPair(health.key(), pki.sectorCertificate("justice").orElseThrow().getPublicKey())).isFalse();
        }

        @Test
        void keyFilesAreReadableByTheOwnerOnly() throws IOException {
            assumeThat(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)).isTrue();
            for (String file : List.of("ca-key.pem", "exchange/key.pem", "hub/key.pem", "sectors/health/key.pem")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
                        .as(file).isEqualTo("rw-------");
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.pem"))))
                    .isEqualTo("rw-r--r--");
        }
    }

    @Nested
    class OnLaterStarts {

        @Test
        void loadsTheSameCertificatesAndKeysWithoutRewritingAnyFile() throws IOException {
            Map<String, byte[]> before = contents(dir);

            HubPki again = HubPki.loadOrCreate(dir, SECTORS, HOSTNAMES, CLOCK.withZone(ZoneOffset.UTC));

            assertThat(again.caCertificate().getSerialNumber()).isEqualTo(pki.caCertificate().getSerialNumber());
            assertThat(again.exchangeKeyMaterial().certificate()).isEqualTo(pki.exchangeKeyMaterial().certificate());
            assertThat(again.hubSigner().certificate()).isEqualTo(pki.hubSigner().certificate());
            assertThat(again.sectorCertificates()).isEqualTo(pki.sectorCertificates());
            assertThat(again.hubSigner().key().getEncoded()).isEqualTo(pki.hubSigner().key().getEncoded());
            assertThat(contents(dir)).containsExactlyInAnyOrderEntriesOf(before);
        }

        @Test
        void issuesACertificateForANewlyConfiguredSectorWithoutTouchingTheOthers() throws Exception {
            Map<String, byte[]> before = contents(dir);

            HubPki again = HubPki.loadOrCreate(dir, List.of("health", "justice", "education", "labour"), HOSTNAMES, CLOCK);

            assertThat(again.sectorIds()).containsExactly("education", "health", "justice", "labour");
            assertThat(pkixValid(again.sectorCertificate("labour").orElseThrow(), pki.caCertificate())).isTrue();
            Map<String, byte[]> after = contents(dir);
            assertThat(after).containsKeys("sectors/labour/cert.pem", "sectors/labour/key.pem");
            after.remove("sectors/labour/cert.pem");
            after.remove("sectors/labour/key.pem");
            assertThat(after).containsExactlyInAnyOrderEntriesOf(before);
        }

        @Test
        void keepsTheCertificateOfASectorNoLongerConfigured() {
            HubPki again = HubPki.loadOrCreate(dir, List.of("health"), HOSTNAMES, CLOCK);

            assertThat(again.sectorIds()).containsExactly("education", "health", "justice");
            assertThat(again.sectorCertificate("justice")).contains(pki.sectorCertificate("justice").orElseThrow());
        }

        @Test
        void keepsASectorWhoseKeyWasHandedToItsSystemAndDeletedHere() throws IOException {
            Files.delete(dir.resolve("sectors/justice/key.pem"));

            HubPki again = HubPki.loadOrCreate(dir, SECTORS, HOSTNAMES, CLOCK);

            assertThat(again.sectorCertificate("justice")).contains(pki.sectorCertificate("justice").orElseThrow());
            assertThat(again.sectorKeyMaterial("justice")).isEmpty();
            assertThat(dir.resolve("sectors/justice/key.pem")).doesNotExist();
        }

        @Test
        void reissuesTheExchangeCertificateWhenAServerHostnameIsAdded() throws Exception {
            BigInteger sectorSerial = pki.sectorCertificate("health").orElseThrow().getSerialNumber();

            HubPki again = HubPki.loadOrCreate(dir, SECTORS, List.of("rabt.example.ma", "10.20.30.40", "hub.province.ma"), CLOCK);

            X509Certificate exchange = again.exchangeKeyMaterial().certificate();
            assertThat(exchange).isNotEqualTo(pki.exchangeKeyMaterial().certificate());
            assertThat(HubPki.coversHostnames(exchange, List.of("hub.province.ma", "rabt.example.ma", "10.20.30.40"))).isTrue();
            assertThat(Pem.readCertificate(dir.resolve("exchange/cert.pem"))).isEqualTo(exchange);
            assertThat(Pem.readCertificate(dir.resolve("hub.pem"))).as("what sectors seal AMQP cards for follows")
                    .isEqualTo(exchange).isEqualTo(again.hubCertificate());
            assertThat(again.sectorCertificate("health").orElseThrow().getSerialNumber()).isEqualTo(sectorSerial);
            assertThat(again.hubSigner().certificate()).isEqualTo(pki.hubSigner().certificate());
        }

        @Test
        void renewsOnlyTheHubsOwnCertificatesWhenTheyNearExpiry() {
            Clock nearExpiry = Clock.fixed(NOW.atOffset(ZoneOffset.UTC).plusYears(2).minusDays(10).toInstant(), ZoneOffset.UTC);

            HubPki again = HubPki.loadOrCreate(dir, SECTORS, HOSTNAMES, nearExpiry);

            assertThat(again.exchangeKeyMaterial().certificate()).isNotEqualTo(pki.exchangeKeyMaterial().certificate());
            assertThat(again.hubSigner().certificate()).isNotEqualTo(pki.hubSigner().certificate());
            assertThat(again.hubSigner().certificate().getNotBefore())
                    .isEqualTo(Date.from(nearExpiry.instant().minus(Duration.ofMinutes(5))));
            assertThat(again.sectorCertificates()).isEqualTo(pki.sectorCertificates());
        }

        /**
         * Two nodes share the PKI directory; one restarts near expiry and renews hub.pem while the
         * other runs on. Cards sealed for the old certificate (waiting in the broker) and for the new
         * one (sectors that fetched it) must both open, on both nodes, without a restart.
         */
        @Test
        void aRenewalKeepsThePreviousExchangePairAndARunningNodeOpensForBoth() {
            X509Certificate before = pki.exchangeKeyMaterial().certificate();
            CardEnvelope runningNode = new CardEnvelope(pki::exchangeOpeners);
            byte[] sealedForOld = CardEnvelope.seal(CARD, before);
            assertThat(runningNode.open(sealedForOld)).isEqualTo(CARD);
            Clock nearExpiry = Clock.fixed(NOW.atOffset(ZoneOffset.UTC).plusYears(2).minusDays(10).toInstant(), ZoneOffset.UTC);

            HubPki renewing = HubPki.loadOrCreate(dir, SECTORS, HOSTNAMES, nearExpiry);

            X509Certificate after = renewing.hubCertificate();
            assertThat(after).isNotEqualTo(before);
            assertThat(Pem.readCertificate(dir.resolve("exchange/previous/cert.pem"))).isEqualTo(before);
            byte[] sealedForNew = CardEnvelope.seal(CARD, Pem.readCertificate(dir.resolve("hub.pem")));
            assertThat(runningNode.open(sealedForNew)).as("the node started before the renewal").isEqualTo(CARD);
            assertThat(runningNode.open(sealedForOld)).isEqualTo(CARD);
            CardEnvelope restartedNode = new CardEnvelope(renewing::exchangeOpeners);
            assertThat(restartedNode.open(sealedForOld)).as("the renewing node").isEqualTo(CARD);
            assertThat(restartedNode.open(sealedForNew)).isEqualTo(CARD);
            assertThat(renewing.exchangeOpeners()).extracting(KeyMaterial::certificate).containsExactly(after, before);
            // once the replaced certificate has expired, its key opens nothing more
            Clock pastTheOldExpiry = Clock.fixed(before.getNotAfter().toInstant().plusSeconds(60), ZoneOffset.UTC);
            HubPki later = HubPki.loadOrCreate(dir, SECTORS, HOSTNAMES, pastTheOldExpiry);
            assertThat(later.exchangeOpeners()).extracting(KeyMaterial::certificate).containsExactly(after);
            assertThatThrownBy(() -> new CardEnvelope(later::exchangeOpeners).open(sealedForOld))
                    .isInstanceOf(SecurityViolation.class);
        }

        @Test
        void runsWithTheCaKeyOfflineButRefusesToIssue() throws IOException {
            Files.delete(dir.resolve("ca-key.pem"));

            HubPki again = HubPki.loadOrCreate(dir, SECTORS, HOSTNAMES, CLOCK);

            assertThat(again.sectorCertificates()).isEqualTo(pki.sectorCertificates());
            assertThatThrownBy(() -> again.issueSectorCertificate("labour"))
                    .isInstanceOfSatisfying(SecurityMisconfiguration.class,
                            e -> assertThat(e.code()).isEqualTo("RABT-S902"))
                    .hasMessageContaining("ca-key.pem is missing");
            assertThatThrownBy(() -> HubPki.loadOrCreate(dir, List.of("labour"), HOSTNAMES, CLOCK))
                    .hasMessageContaining("RABT-S902");
        }
    }

    @Nested
    class Refusing {

        @Test
        void refusesToCreateANewCaOverCertificatesIssuedByAMissingOne() throws IOException {
            Files.delete(dir.resolve("ca.pem"));

            assertThatThrownBy(() -> HubPki.loadOrCreate(dir, SECTORS, HOSTNAMES, CLOCK))
                    .isInstanceOfSatisfying(SecurityMisconfiguration.class, e -> assertThat(e.code()).isEqualTo("RABT-S902"))
                    .hasMessageContaining("ca.pem is missing");
            assertThat(dir.resolve("ca.pem")).doesNotExist();
        }

        @Test
        void refusesASectorCertificateIssuedByAnotherCa(@TempDir Path otherDir) throws IOException {
            HubPki other = HubPki.loadOrCreate(otherDir, List.of("police"), List.of(), CLOCK);
            Files.createDirectories(dir.resolve("sectors/police"));
            Files.copy(otherDir.resolve("sectors/police/cert.pem"), dir.resolve("sectors/police/cert.pem"));

            assertThatThrownBy(() -> HubPki.loadOrCreate(dir, SECTORS, HOSTNAMES, CLOCK))
                    .isInstanceOfSatisfying(SecurityMisconfiguration.class, e -> assertThat(e.code()).isEqualTo("RABT-S902"))
                    .hasMessageContaining("police").hasMessageContaining("was not issued by");
            assertThat(other.sectorIds()).containsExactly("police");
        }

        @Test
        void refusesAKeyFileThatIsNotTheKeyOfItsCertificate() throws IOException {
            Files.copy(dir.resolve("sectors/justice/key.pem"), dir.resolve("sectors/health/key.pem"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            assertThatThrownBy(() -> HubPki.loadOrCreate(dir, SECTORS, HOSTNAMES, CLOCK))
                    .isInstanceOfSatisfying(SecurityMisconfiguration.class, e -> assertThat(e.code()).isEqualTo("RABT-S902"))
                    .hasMessageContaining("health").hasMessageContaining("is not the key of");
        }

        @Test
        void refusesATruncatedCertificateFile() throws IOException {
            byte[] pem = Files.readAllBytes(dir.resolve("sectors/health/cert.pem"));
            Files.write(dir.resolve("sectors/health/cert.pem"), java.util.Arrays.copyOf(pem, pem.length / 2));

            assertThatThrownBy(() -> HubPki.loadOrCreate(dir, SECTORS, HOSTNAMES, CLOCK))
                    .isInstanceOfSatisfying(SecurityMisconfiguration.class, e -> assertThat(e.code()).isEqualTo("RABT-S902"));
        }

        @Test
        void rejectsSectorIdsThatAreNotSafeLowerCasePathSegments() {
            for (String bad : List.of("../etc", "Health", "", "health/x", "-x", "h x")) {
                assertThatThrownBy(() -> pki.issueSectorCertificate(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> HubPki.loadOrCreate(dir, List.of(bad), HOSTNAMES, CLOCK))
                        .as(bad).isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(dir.resolve("etc")).doesNotExist();
        }
    }

    @Nested
    class Enrolling {

        @Test
        void issuesANewSectorCertificateThatTheNextStartLoads() {
            var material = pki.issueSectorCertificate("gendarmerie");

            assertThat(pki.sectorCertificate("gendarmerie")).contains(material.certificate());
            assertThat(HubPki.loadOrCreate(dir, SECTORS, HOSTNAMES, CLOCK).sectorCertificate("gendarmerie"))
                    .contains(material.certificate());
        }

        @Test
        void renewsAnExistingSectorWithANewKeyAndSerial() {
            X509Certificate old = pki.sectorCertificate("health").orElseThrow();

            var renewed = pki.issueSectorCertificate("health");

            assertThat(renewed.certificate().getSerialNumber()).isNotEqualTo(old.getSerialNumber());
            assertThat(renewed.certificate().getPublicKey()).isNotEqualTo(old.getPublicKey());
            assertThat(Pem.readCertificate(dir.resolve("sectors/health/cert.pem"))).isEqualTo(renewed.certificate());
            assertThat(CryptoUtils.isKeyPair(Pem.readPrivateKey(dir.resolve("sectors/health/key.pem")),
                    renewed.certificate().getPublicKey())).isTrue();
        }

        @Test
        void leavesNoTemporaryFilesBehind() throws IOException {
            pki.issueSectorCertificate("freeline");
            try (Stream<Path> files = Files.walk(dir)) {
                assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
            }
        }
    }

    static boolean pkixValid(X509Certificate certificate, X509Certificate ca) throws Exception {
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(NOW));
        try {
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
            return true;
        } catch (java.security.cert.CertPathValidatorException e) {
            return false;
        }
    }

    static List<Integer> trueBits(boolean[] bits) {
        List<Integer> set = new ArrayList<>();
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                set.add(i);
            }
        }
        return set;
    }

    static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                contents.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return contents;
    }
}
