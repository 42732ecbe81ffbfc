package org.rabt.security.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.security.CryptoUtils;
import org.rabt.security.KeyMaterial;
import org.rabt.security.OpenSslCli;
import org.rabt.security.Pem;
import org.rabt.security.SecurityViolation;
import org.rabt.security.pki.HubPki;

/** A card sealed for the hub opens to its exact bytes with the hub's key, and nothing else opens. */
class CardEnvelopeTest {

    /** Arabic and CRLF: the signature covers these exact bytes, so opening must give them back unchanged. */
    static final byte[] CARD = "{\"nomFamille\":\"الإدريسي\",\r\n\"dateNaissance\":\"2012-03-14\"}\r\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path pkiDir;
    @TempDir
    static Path otherPkiDir;

    static HubPki pki;
    static CardEnvelope hub;

    @BeforeAll
    static void createPki() {
        pki = HubPki.loadOrCreate(pkiDir, List.of("police"), List.of());
        hub = new CardEnvelope(pki.exchangeKeyMaterial());
    }

    @Test
    void aCardSealedForHubPemOpensToItsExactBytes() {
        byte[] sealed = CardEnvelope.seal(CARD, Pem.readCertificate(pkiDir.resolve("hub.pem")));

        assertThat(hub.open(sealed)).isEqualTo(CARD);
    }

    @Test
    void theSealedBytesHoldNoneOfTheCard() {
        String sealed = new String(CardEnvelope.seal(CARD, pki.hubCertificate()), StandardCharsets.ISO_8859_1);

        assertThat(sealed).doesNotContain(new String("الإدريسي".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
                .doesNotContain("2012-03-14");
    }

    @Test
    void hubPemIsTheExchangeCertificate() {
        assertThat(Pem.readCertificate(pkiDir.resolve("hub.pem"))).isEqualTo(pki.exchangeKeyMaterial().certificate());
    }

    @Test
    void anRsaHubCertificateWorksByKeyTransport() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        var certificate = CryptoUtils.certificate(new JcaX509v3CertificateBuilder(new X500Name("CN=rsa hub"),
                BigInteger.TWO, Date.from(now), Date.from(now.plus(1, ChronoUnit.DAYS)), new X500Name("CN=rsa hub"),
                keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        CardEnvelope rsaHub = new CardEnvelope(new KeyMaterial(keys.getPrivate(), certificate, List.of(certificate)));

        assertThat(rsaHub.open(CardEnvelope.seal(CARD, certificate))).isEqualTo(CARD);
    }

    @Nested
    class RefusedWithI018 {

        @Test
        void aPlainCard() {
            assertRefused(CARD, "not a CMS structure");
        }

        @Test
        void anEmptyBody() {
            assertRefused(new byte[0], "empty");
        }

        @Test
        void aCardSealedForAnotherCertificate() {
            HubPki other = HubPki.loadOrCreate(otherPkiDir, List.of(), List.of());
            assertRefused(CardEnvelope.seal(CARD, other.hubCertificate()), "not for the hub's current certificate");
        }

        @Test
        void aSealedCardWithOneByteFlipped() {
            byte[] sealed = CardEnvelope.seal(CARD, pki.hubCertificate());
            sealed[sealed.length - 20] ^= 0x01; // inside the ciphertext or the tag: GCM notices either
            assertRefused(sealed, "does not open");
        }

        @Test
        void anEnvelopedDataWhoseContentIsNotAuthenticated() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", CryptoUtils.provider());
            generator.initialize(new java.security.spec.ECGenParameterSpec(CryptoUtils.EC_CURVE));
            KeyPair ephemeral = generator.generateKeyPair();
            CMSEnvelopedDataGenerator enveloped = new CMSEnvelopedDataGenerator();
            enveloped.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF,
                    ephemeral.getPrivate(), ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP)
                    .addRecipient(pki.hubCertificate()).setProvider(CryptoUtils.provider()));
            byte[] cbc = enveloped.generate(new CMSProcessableByteArray(CARD),
                    new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).setProvider(CryptoUtils.provider()).build())
                    .getEncoded();
            assertRefused(cbc, "EnvelopedData, not an AuthEnvelopedData");
        }

        private void assertRefused(byte[] body, String why) {
            assertThatThrownBy(() -> hub.open(body)).isInstanceOfSatisfying(SecurityViolation.class, violation -> {
                assertThat(violation.code()).isEqualTo("RABT-I018");
                assertThat(violation.detail()).contains(why).contains("hub.pem");
            });
        }
    }

    /** docs/sectors/police.md tells sector developers to seal with OpenSSL 3: that must open, and the reverse. */
    @Nested
    class WithOpenSsl {

        @TempDir
        Path work;

        @Test
        void aCardSealedByOpensslOpens() throws Exception {
            assumeThat(OpenSslCli.available()).isTrue();
            Files.write(work.resolve("card.json"), CARD);
            OpenSslCli.Result result = OpenSslCli.run(work, "cms", "-encrypt", "-binary", "-outform", "DER",
                    "-aes-256-gcm", "-recip", pkiDir.resolve("hub.pem").toString(), "-keyopt", "ecdh_kdf_md:sha256",
                    "-in", "card.json", "-out", "card.sealed");
            assertThat(result.exitCode()).as(result.output()).isZero();

            assertThat(hub.open(Files.readAllBytes(work.resolve("card.sealed")))).isEqualTo(CARD);
        }

        @Test
        void aCardSealedHereOpensWithOpenssl() throws Exception {
            assumeThat(OpenSslCli.available()).isTrue();
            Files.write(work.resolve("card.sealed"), CardEnvelope.seal(CARD, pki.hubCertificate()));
            OpenSslCli.Result result = OpenSslCli.run(work, "cms", "-decrypt", "-binary", "-inform", "DER",
                    "-in", "card.sealed", "-recip", pkiDir.resolve("exchange/cert.pem").toString(),
                    "-inkey", pkiDir.resolve("exchange/key.pem").toString(), "-out", "card.json");
            assertThat(result.exitCode()).as(result.output()).isZero();

            assertThat(Files.readAllBytes(work.resolve("card.json"))).isEqualTo(CARD);
        }

        /** The hub's AMQP answers are sealed for the sender's certificate; the sector opens them with its key. */
        @Test
        void anAnswerSealedForASectorOpensWithItsKeyInOpenssl() throws Exception {
            assumeThat(OpenSslCli.available()).isTrue();
            Path police = pkiDir.resolve("sectors/police");
            Files.write(work.resolve("answer.sealed"), CardEnvelope.seal(CARD, Pem.readCertificate(police.resolve("cert.pem"))));
            OpenSslCli.Result result = OpenSslCli.run(work, "cms", "-decrypt", "-binary", "-inform", "DER",
                    "-in", "answer.sealed", "-recip", police.resolve("cert.pem").toString(),
                    "-inkey", police.resolve("key.pem").toString(), "-out", "answer.json");
            assertThat(result.exitCode()).as(result.output()).isZero();

            assertThat(Files.readAllBytes(work.resolve("answer.json"))).isEqualTo(CARD);
        }
    }
}
