package org.rabt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.junit.jupiter.api.Test;
import org.rabt.config.broker.AmqpConfiguration.AmqpPort;
import org.rabt.config.pki.PkiCli;
import org.rabt.config.support.AmqpSectorClient;
import org.rabt.config.support.HubTestBase;
import org.rabt.config.support.SectorClient;
import org.rabt.security.CryptoUtils;
import org.rabt.security.KeyMaterial;
import org.rabt.security.Pem;
import org.rabt.security.signature.DetachedSigner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PKI lifecycle on a running hub, never restarted: a sector enrolled with {@code pki enrol}
 * posts cards; after {@code pki revoke} its next connection is refused while the other sectors
 * carry on; a card signed with a revoked key is refused even over a valid connection; and a sector
 * certificate from an external CA named in {@code rabt.pki.trusted-ca-file} is accepted. Over
 * AMQP, a revoked certificate is refused at the next login.
 */
class PkiLifecycleIT extends HubTestBase {

    private static final Path DATA = newDataDir();
    private static final Path EXTERNAL = newDataDir();
    private static final KeyMaterial EXTERNAL_CA = externalCa();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private AmqpPort amqpPort;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
        registry.add("rabt.pki.trusted-ca-file", () -> EXTERNAL.resolve("external-ca.pem").toString());
    }

    @Test
    void aSectorEnrolledWithTheCliPostsUntilRevokedThenItsNextConnectionIsRefusedWhileOthersCarryOn() throws Exception {
        Path enrolled = EXTERNAL.resolve("freeline");
        assertThat(pki("enrol", "--sector", "freeline", "--out", enrolled.toString(), "--data-dir", DATA.toString()))
                .isZero();
        KeyMaterial freelineKey = SectorClient.keyMaterialIn(enrolled);
        assertThat(Pem.readCertificate(DATA.resolve("pki/sectors/freeline/cert.pem")))
                .as("the hub registers the enrolled certificate as the sector's").isEqualTo(freelineKey.certificate());
        assertThat(DATA.resolve("pki/sectors/freeline/key.pem")).as("the sector alone holds its key").doesNotExist();

        SectorClient freeline = SectorClient.of("freeline", freelineKey, enrolled.resolve("ca.pem"), exchangePort());
        assertThat(freeline.postCard(example("freeline/examples/signalement-ligne-nationale-sale.json"),
                "application/json").statusCode()).isEqualTo(202);

        assertThat(pki("revoke", "--sector", "freeline", "--data-dir", DATA.toString())).isZero();

        SectorClient freelineAgain = SectorClient.of("freeline", freelineKey, enrolled.resolve("ca.pem"), exchangePort());
        assertRefusedAsRevoked(() -> freelineAgain.postCard(
                example("freeline/examples/signalement-cellule-ecoute-meknes.json"), "application/json"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(staff("/api/v1/audit?action=tls-refused&sector=freeline").path("entries"))
                        .as("the refused handshake is in the audit log with its code")
                        .anySatisfy(entry -> assertThat(entry.path("errorCode").asString()).isEqualTo("RABT-S007")));
        // the other sectors keep working, on new connections too
        HttpResponse<String> health = sector("health", DATA).postCard(
                example("health/examples/referral-to-prosecutor.json"), "application/fhir+json");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(202);
    }

    @Test
    void aCardSignedWithARevokedKeyIsRefusedWithS007EvenOverAValidConnection() throws Exception {
        KeyMaterial demoSocial = SectorClient.keyMaterial(DATA.resolve("pki"), "social"); // still valid after the enrolment
        Path enrolled = EXTERNAL.resolve("social");
        assertThat(pki("enrol", "--sector", "social", "--out", enrolled.toString(), "--data-dir", DATA.toString())).isZero();
        assertThat(pki("revoke", "--sector", "social", "--data-dir", DATA.toString())).isZero();
        DetachedSigner revokedSigner = new DetachedSigner(SectorClient.keyMaterialIn(enrolled));
        SectorClient social = SectorClient.of("social", demoSocial, DATA.resolve("pki/ca.pem"), exchangePort());
        byte[] card = example("social/examples/fiche-accueil-urgence-tanger.json");

        HttpResponse<String> refused = social.post("/exchange/v1/social/cards", card, "application/json",
                Map.of("Rabt-Signature", revokedSigner.signBase64(card)));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).path("code").asString()).isEqualTo("RABT-S007");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(staff("/api/v1/audit?action=card-rejected").path("entries"))
                        .as("the refusal is in the audit log with its code")
                        .anySatisfy(entry -> assertThat(entry.path("errorCode").asString()).isEqualTo("RABT-S007")));
        // the same card over the same connection, signed with the valid key, is admitted
        assertThat(social.postCard(card, "application/json").statusCode()).isEqualTo(202);
    }

    @Test
    void aSectorCertificateFromTheTrustedExternalCaIsAcceptedForTlsAndSignatures() {
        KeyMaterial labour = issuedByExternalCa("labour");
        SectorClient client = SectorClient.of("labour", labour, DATA.resolve("pki/ca.pem"), exchangePort());

        HttpResponse<String> response = client.postCard(example("labour/examples/rapport-retrait-atelier-casablanca.json"),
                "application/json");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    @Test
    void aRevokedCertificateIsRefusedAtTheNextAmqpLoginWhileOtherSectorsStillLogIn() throws Exception {
        Path enrolled = EXTERNAL.resolve("gendarmerie");
        assertThat(pki("enrol", "--sector", "gendarmerie", "--out", enrolled.toString(), "--data-dir", DATA.toString()))
                .isZero();
        KeyMaterial gendarmerie = SectorClient.keyMaterialIn(enrolled);
        assertThat(Pem.readCertificate(enrolled.resolve("hub.pem")))
                .as("the enrolled sector gets the certificate it seals AMQP cards for")
                .isEqualTo(Pem.readCertificate(DATA.resolve("pki/hub.pem")));
        amqpLogin(gendarmerie).close();

        assertThat(pki("revoke", "--sector", "gendarmerie", "--data-dir", DATA.toString())).isZero();

        assertThatThrownBy(() -> amqpLogin(gendarmerie)).isInstanceOf(JMSException.class);
        amqpLogin(SectorClient.keyMaterial(DATA.resolve("pki"), "police")).close();
    }

    @Test
    void theCliRefusesAnUnknownSectorAndAMissingPki() {
        assertThat(pki("enrol", "--sector", "mars", "--out", EXTERNAL.resolve("mars").toString(),
                "--data-dir", DATA.toString())).isEqualTo(2);
        assertThat(pki("revoke", "--sector", "health", "--data-dir", EXTERNAL.resolve("no-hub-here").toString()))
                .isEqualTo(1);
    }

    /** A Qpid JMS connection over TLS with {@code material} as client certificate, logged in and with a session open. */
    private Connection amqpLogin(KeyMaterial material) throws Exception {
        Connection connection = AmqpSectorClient.tlsFactory(material, DATA.resolve("pki/ca.pem"),
                Files.createTempDirectory(EXTERNAL, "amqp-"), amqpPort.port()).createConnection();
        try {
            connection.start();
            connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            return connection;
        } catch (JMSException refused) {
            connection.close();
            throw refused;
        }
    }

    /** Refused at the handshake (however TLS 1.3 reports it to the client), or with a coded 403. */
    private static void assertRefusedAsRevoked(Supplier<HttpResponse<String>> call) {
        HttpResponse<String> response;
        try {
            response = call.get();
        } catch (UncheckedIOException refusedAtTheHandshake) {
            return;
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("RABT-S007");
    }

    private static int pki(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "pki";
        System.arraycopy(args, 0, full, 1, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PkiCli.run(full, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        System.out.println("pki " + String.join(" ", args) + " -> " + status + "\n" + out + err);
        return status;
    }

    private static byte[] example(String resource) {
        try (InputStream in = PkiLifecycleIT.class.getResourceAsStream("/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode staff(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(staffRequest("security.officer", path).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A CA of another organisation (its own name), written where rabt.pki.trusted-ca-file points. */
    private static KeyMaterial externalCa() {
        try {
            KeyPair keys = CryptoUtils.generateKeyPair();
            X500Name name = new X500Name("C=MA,O=Ministere de l'Emploi,CN=Emploi Sector CA");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, CryptoUtils.newSerialNumber(),
                    Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(365, ChronoUnit.DAYS)), name,
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate ca = CryptoUtils.certificate(builder.build(CryptoUtils.contentSigner(keys.getPrivate())));
            Files.writeString(EXTERNAL.resolve("external-ca.pem"), Pem.toPem(ca));
            return new KeyMaterial(keys.getPrivate(), ca, List.of(ca));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sector certificate as the external CA issues it: the subject the hub requires, CN=sector, OU=sector. */
    private static KeyMaterial issuedByExternalCa(String sector) {
        try {
            KeyPair keys = CryptoUtils.generateKeyPair();
            Instant now = Instant.now();
            X500Name issuer = X500Name.getInstance(EXTERNAL_CA.certificate().getSubjectX500Principal().getEncoded());
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, CryptoUtils.newSerialNumber(),
                    Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(30, ChronoUnit.DAYS)),
                    new X500Name("C=MA,O=Ministere de l'Emploi,OU=sector,CN=" + sector), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_emailProtection}));
            X509Certificate certificate = CryptoUtils.certificate(builder.build(CryptoUtils.contentSigner(EXTERNAL_CA.key())));
            return new KeyMaterial(keys.getPrivate(), certificate, List.of(certificate, EXTERNAL_CA.certificate()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
