package org.rabt.security.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.security.OpenSslCli;
import org.rabt.security.SecurityViolation;
import org.rabt.security.pki.HubPki;

/**
 * The external contract says a sector can sign with {@code openssl cms -sign -binary -outform DER}
 * and verify the hub's signatures with {@code openssl cms -verify}: checked here against the real
 * OpenSSL 3 command line and the files of a freshly created demo PKI.
 */
class OpenSslInteropTest {

    /** Arabic text and CRLF line ends: -binary must keep every byte as is. */
    static final byte[] BODY = ("{\"cardId\":\"c-2026-0001\",\r\n\"concern\":\"إهمال\",\r\n\"priority\":\"high\"}\r\n")
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path pkiDir;
    @TempDir
    static Path work;

    static HubPki pki;
    static X509Certificate health;
    static Map<String, X509Certificate> known;
    static DetachedSignatureVerifier verifier;

    @BeforeAll
    static void createPkiAndBody() throws Exception {
        assumeThat(OpenSslCli.available()).as("openssl at " + OpenSslCli.OPENSSL).isTrue();
        pki = HubPki.loadOrCreate(pkiDir, List.of("health", "justice"), List.of());
        health = pki.sectorCertificate("health").orElseThrow();
        known = pki.sectorCertificates();
        verifier = new DetachedSignatureVerifier(List.of(pki.caCertificate()));
        Files.write(work.resolve("body"), BODY);
        byte[] tampered = BODY.clone();
        tampered[12] ^= 0x01;
        Files.write(work.resolve("tampered-body"), tampered);
    }

    static String opensslSign(String sector, String output, String... options) throws Exception {
        Path sectorDirectory = pkiDir.resolve("sectors").resolve(sector);
        List<String> args = new java.util.ArrayList<>(List.of("cms", "-sign", "-binary", "-outform", "DER",
                "-signer", sectorDirectory.resolve("cert.pem").toString(),
                "-inkey", sectorDirectory.resolve("key.pem").toString(),
                "-in", "body", "-out", output));
        args.addAll(List.of(options));
        OpenSslCli.Result result = OpenSslCli.run(work, args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return Base64.getEncoder().encodeToString(Files.readAllBytes(work.resolve(output)));
    }

    static OpenSslCli.Result opensslVerify(byte[] signatureDer, String content) throws Exception {
        Files.write(work.resolve("hub-signature.der"), signatureDer);
        return OpenSslCli.run(work, "cms", "-verify", "-binary", "-inform", "DER", "-in", "hub-signature.der",
                "-content", content, "-CAfile", pkiDir.resolve("ca.pem").toString(), "-out", "/dev/null");
    }

    @Nested
    class SignedByOpenSsl {

        @Test
        void withTheSectorsDemoFilesVerifiesAndReportsTheSigningTime() throws Exception {
            String signature = opensslSign("health", "default.der");

            VerifiedSignature verified = verifier.verify(BODY, signature, health, known);

            assertThat(verified.signerSubject()).isEqualTo("CN=health,OU=sector,O=Rabt,C=MA");
            assertThat(verified.signingTime()).isPresent();
        }

        @Test
        void withoutEmbeddedCertificatesVerifies() throws Exception {
            String signature = opensslSign("health", "nocerts.der", "-nocerts");

            assertThat(verifier.verify(BODY, signature, health, known).signer()).isEqualTo(health);
        }

        @Test
        void identifyingTheSignerBySubjectKeyIdentifierVerifies() throws Exception {
            String signature = opensslSign("health", "keyid.der", "-keyid", "-nocerts");

            assertThat(verifier.verify(BODY, signature, health, known).signer()).isEqualTo(health);
        }

        @Test
        void withoutSignedAttributesVerifiesWithoutSigningTime() throws Exception {
            String signature = opensslSign("health", "noattr.der", "-noattr");

            assertThat(verifier.verify(BODY, signature, health, known).signingTime()).isEmpty();
        }

        @Test
        void isRejectedWithS003WhenTheBodyWasAlteredAfterSigning() throws Exception {
            String signature = opensslSign("health", "for-tamper.der");
            byte[] tampered = Files.readAllBytes(work.resolve("tampered-body"));

            assertThatThrownBy(() -> verifier.verify(tampered, signature, health, known))
                    .isInstanceOfSatisfying(SecurityViolation.class, e -> assertThat(e.code()).isEqualTo("RABT-S003"));
        }

        @Test
        void withAnotherSectorsFilesIsRejectedWithS004NamingIt() throws Exception {
            String signature = opensslSign("justice", "justice.der");

            assertThatThrownBy(() -> verifier.verify(BODY, signature, health, known))
                    .isInstanceOfSatisfying(SecurityViolation.class, e -> {
                        assertThat(e.code()).isEqualTo("RABT-S004");
                        assertThat(e.detail()).contains("'justice'");
                    });
        }
    }

    @Nested
    class VerifiedByOpenSsl {

        @Test
        void acceptsASectorSignatureMadeByTheHubCode() throws Exception {
            byte[] signature = new DetachedSigner(pki.sectorKeyMaterial("health").orElseThrow()).sign(BODY);

            OpenSslCli.Result result = opensslVerify(signature, "body");

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("Verification successful");
        }

        @Test
        void acceptsTheHubsSignatureUnderItsDefaultSMimePurposeCheck() throws Exception {
            byte[] signature = new DetachedSigner(pki.hubSigner()).sign(BODY);

            OpenSslCli.Result result = opensslVerify(signature, "body");

            assertThat(result.exitCode()).as(result.output()).isZero();
        }

        @Test
        void rejectsTheHubsSignatureOverATamperedBody() throws Exception {
            byte[] signature = new DetachedSigner(pki.hubSigner()).sign(BODY);

            OpenSslCli.Result result = opensslVerify(signature, "tampered-body");

            assertThat(result.exitCode()).as(result.output()).isNotZero();
            assertThat(result.output()).contains("Verification failure");
        }

        @Test
        void rejectsTheHubsSignatureAgainstAnotherCa(@TempDir Path otherPkiDir) throws Exception {
            HubPki.loadOrCreate(otherPkiDir, List.of(), List.of());
            Files.write(work.resolve("hub-signature.der"), new DetachedSigner(pki.hubSigner()).sign(BODY));

            OpenSslCli.Result result = OpenSslCli.run(work, "cms", "-verify", "-binary", "-inform", "DER",
                    "-in", "hub-signature.der", "-content", "body",
                    "-CAfile", otherPkiDir.resolve("ca.pem").toString(), "-out", "/dev/null");

            assertThat(result.exitCode()).as(result.output()).isNotZero();
        }
    }
}
