package org.rabt.security.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.security.CryptoUtils;
import org.rabt.security.KeyMaterial;
import org.rabt.security.SecurityViolation;
import org.rabt.security.TestCertificates;
import org.rabt.security.pki.HubPki;

class DetachedSignatureTest {

    static final byte[] BODY = ("{\"cardId\":\"5f0c7a3e\",\"child\":{\"pseudonym\":\"px-81\",\"province\":\"MA-04\"},"
            + "\"note\":\"طفل في خطر\"}\r\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path pkiDir;
    @TempDir
    static Path otherPkiDir;

    static HubPki pki;
    static HubPki otherPki;
    static KeyMaterial health;
    static X509Certificate healthCertificate;
    static Map<String, X509Certificate> known;
    static DetachedSignatureVerifier verifier;
    static DetachedSigner healthSigner;

    @BeforeAll
    static void createPkis() {
        pki = HubPki.loadOrCreate(pkiDir, List.of("health", "justice", "education"), List.of());
        otherPki = HubPki.loadOrCreate(otherPkiDir, List.of("health"), List.of());
        health = pki.sectorKeyMaterial("health").orElseThrow();
        healthCertificate = health.certificate();
        known = pki.sectorCertificates();
        verifier = new DetachedSignatureVerifier(List.of(pki.caCertificate()));
        healthSigner = new DetachedSigner(health);
    }

    static SecurityViolation violation(Runnable verification) {
        try {
            verification.run();
        } catch (SecurityViolation e) {
            return e;
        }
        throw new AssertionError("verification succeeded but should have been rejected");
    }

    static VerifiedSignature verifyAsHealth(byte[] body, String signature) {
        return verifier.verify(body, signature, healthCertificate, known);
    }

    @Nested
    class RoundTrip {

        @Test
        void verifiesABodySignedWithTheSendersKeyAndReportsSignerAndSigningTime() {
            Instant signedAt = Instant.now().minus(Duration.ofMinutes(1)).plusMillis(123);
            DetachedSigner signer = new DetachedSigner(health, Clock.fixed(signedAt, ZoneOffset.UTC));

            VerifiedSignature verified = verifyAsHealth(BODY, signer.signBase64(BODY));

            assertThat(verified.signer()).isEqualTo(healthCertificate);
            assertThat(verified.signerSubject()).isEqualTo("CN=health,OU=sector,O=Rabt,C=MA");
            assertThat(verified.signingTime()).contains(signedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }

        @Test
        void verifiesTheHubsOwnSignatureAgainstTheHubCertificate() {
            String signature = new DetachedSigner(pki.hubSigner()).signBase64(BODY);

            VerifiedSignature verified = verifier.verify(BODY, signature, pki.hubSigner().certificate(), known);

            assertThat(verified.signerSubject()).isEqualTo("CN=rabt-hub,OU=hub,O=Rabt,C=MA");
        }

        @Test
        void verifiesAnEmptyBody() {
            assertThat(verifyAsHealth(new byte[0], healthSigner.signBase64(new byte[0])).signer()).isEqualTo(healthCertificate);
        }

        @Test
        void acceptsTheBase64WithSurroundingWhitespaceAndTheDecodedDer() {
            byte[] der = healthSigner.sign(BODY);

            assertThat(verifyAsHealth(BODY, "  " + Base64.getEncoder().encodeToString(der) + "\t").signer())
                    .isEqualTo(healthCertificate);
            assertThat(verifier.verify(BODY, der, healthCertificate, known).signer()).isEqualTo(healthCertificate);
        }

        @Test
        void producesDerDetachedSha256WithSignedAttributesAndTheSignerCertificateButNotTheRoot() throws Exception {
            byte[] der = healthSigner.sign(BODY);

            assertThat(ASN1Primitive.fromByteArray(der).getEncoded(ASN1Encoding.DER)).isEqualTo(der);
            CMSSignedData signed = new CMSSignedData(der);
            assertThat(signed.isDetachedSignature()).isTrue();
            assertThat(signed.getCertificates().getMatches(null)).extracting(X509CertificateHolder::getSubject)
                    .extracting(Object::toString)
                    .containsExactly("C=MA,O=Rabt,OU=sector,CN=health");
            SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
            assertThat(signer.getDigestAlgorithmID().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_sha256);
            AttributeTable attributes = signer.getSignedAttributes();
            assertThat(attributes.get(CMSAttributes.contentType)).isNotNull();
            assertThat(attributes.get(CMSAttributes.signingTime)).isNotNull();
            byte[] messageDigest = ASN1OctetString.getInstance(
                    attributes.get(CMSAttributes.messageDigest).getAttrValues().getObjectAt(0)).getOctets();
            assertThat(messageDigest).isEqualTo(CryptoUtils.sha256(BODY));
        }
    }

    @Nested
    class Tampering {

        @Test
        void oneFlippedBitAnywhereInTheBodyFailsWithS003() {
            String signature = healthSigner.signBase64(BODY);
            for (int index : new int[] {0, BODY.length / 2, BODY.length - 1}) {
                byte[] tampered = BODY.clone();
                tampered[index] ^= 0x01;

                assertThat(violation(() -> verifyAsHealth(tampered, signature)).code()).as("byte " + index).isEqualTo("RABT-S003");
            }
        }

        @Test
        void aSignatureOverOtherBytesFailsWithS003() {
            String signature = healthSigner.signBase64("{\"cardId\":\"another\"}".getBytes(StandardCharsets.UTF_8));

            SecurityViolation violation = violation(() -> verifyAsHealth(BODY, signature));

            assertThat(violation.code()).isEqualTo("RABT-S003");
            assertThat(violation.detail()).contains("changed after signing");
        }

        @Test
        void aBodyWithOneMoreTrailingByteFailsWithS003() {
            String signature = healthSigner.signBase64(BODY);
            byte[] longer = Arrays.copyOf(BODY, BODY.length + 1);
            longer[BODY.length] = '\n';

            assertThat(violation(() -> verifyAsHealth(longer, signature)).code()).isEqualTo("RABT-S003");
        }

        @Test
        void flippingTheLastByteOfTheSignatureValueFailsWithS003() {
            byte[] der = healthSigner.sign(BODY);
            der[der.length - 1] ^= 0x01;

            assertThat(violation(() -> verifyAsHealth(BODY, Base64.getEncoder().encodeToString(der))).code())
                    .isEqualTo("RABT-S003");
        }

        @Test
        void flippingTheOuterSequenceTagFailsWithS002() {
            byte[] der = healthSigner.sign(BODY);
            der[0] ^= 0x01;

            assertThat(violation(() -> verifyAsHealth(BODY, Base64.getEncoder().encodeToString(der))).code())
                    .isEqualTo("RABT-S002");
        }

        @Test
        void noSingleFlippedByteInTheSignedAttributesOrSignatureValueVerifies() throws Exception {
            byte[] der = healthSigner.sign(BODY);
            SignerInformation signer = new CMSSignedData(der).getSignerInfos().getSigners().iterator().next();
            byte[] attributes = signer.getEncodedSignedAttributes();
            // In the SignerInfo the SET OF attributes is tagged [0] IMPLICIT: match it without its tag byte.
            int attributesAt = indexOf(der, Arrays.copyOfRange(attributes, 1, attributes.length)) - 1;
            int signatureAt = indexOf(der, signer.getSignature());
            assertThat(attributesAt).isPositive();
            assertThat(signatureAt).isGreaterThan(attributesAt);
            List<Integer> positions = new ArrayList<>();
            for (int i = attributesAt; i < attributesAt + attributes.length; i++) {
                positions.add(i);
            }
            for (int i = signatureAt; i < signatureAt + signer.getSignature().length; i++) {
                positions.add(i);
            }

            for (int position : positions) {
                byte[] tampered = der.clone();
                tampered[position] ^= 0x01;
                String signature = Base64.getEncoder().encodeToString(tampered);

                assertThat(violation(() -> verifyAsHealth(BODY, signature)).code()).as("byte " + position)
                        .isIn("RABT-S002", "RABT-S003", "RABT-S005");
            }
        }
    }

    @Nested
    class WrongSigner {

        @Test
        void aBodySignedWithAnotherKnownSectorsKeyFailsWithS004NamingThatSector() {
            String signature = new DetachedSigner(pki.sectorKeyMaterial("justice").orElseThrow()).signBase64(BODY);

            SecurityViolation violation = violation(() -> verifyAsHealth(BODY, signature));

            assertThat(violation.code()).isEqualTo("RABT-S004");
            assertThat(violation.detail()).contains("sector 'justice'").contains("CN=health");
        }

        @Test
        void withoutTheOtherSectorInTheKnownCertificatesItIsAnUnknownSignerS006() {
            String signature = new DetachedSigner(pki.sectorKeyMaterial("justice").orElseThrow()).signBase64(BODY);

            SecurityViolation violation = violation(() -> verifier.verify(BODY, signature, healthCertificate,
                    Map.of("health", healthCertificate)));

            assertThat(violation.code()).isEqualTo("RABT-S006");
        }

        @Test
        void aBodySignedWithAnUnknownSelfSignedKeyFailsWithS006() {
            KeyMaterial stranger = TestCertificates.selfSigned("CN=health,OU=sector,O=Rabt,C=MA");
            String signature = new DetachedSigner(stranger).signBase64(BODY);

            SecurityViolation violation = violation(() -> verifyAsHealth(BODY, signature));

            assertThat(violation.code()).isEqualTo("RABT-S006");
            assertThat(violation.detail()).contains("serial " + stranger.certificate().getSerialNumber().toString(16));
        }

        @Test
        void aBodySignedByTheSameSectorNameUnderAnotherCaWithTheSameCaNameFailsWithS006() {
            String signature = new DetachedSigner(otherPki.sectorKeyMaterial("health").orElseThrow()).signBase64(BODY);

            assertThat(violation(() -> verifyAsHealth(BODY, signature)).code()).isEqualTo("RABT-S006");
        }

        @Test
        void aRegisteredCertificateNotIssuedByATrustedCaFailsWithS005EvenWhenTheSignatureMatches() {
            KeyMaterial foreign = otherPki.sectorKeyMaterial("health").orElseThrow();
            String signature = new DetachedSigner(foreign).signBase64(BODY);

            SecurityViolation violation = violation(() -> verifier.verify(BODY, signature, foreign.certificate(), known));

            assertThat(violation.code()).isEqualTo("RABT-S005");
            assertThat(violation.detail()).contains("not issued by the hub's CA");
        }

        @Test
        void trustingTheOtherCaAsWellAcceptsItsCertificates() {
            KeyMaterial foreign = otherPki.sectorKeyMaterial("health").orElseThrow();
            var bothCas = new DetachedSignatureVerifier(List.of(pki.caCertificate(), otherPki.caCertificate()));

            assertThat(bothCas.verify(BODY, new DetachedSigner(foreign).signBase64(BODY), foreign.certificate(), known)
                    .signer()).isEqualTo(foreign.certificate());
        }
    }

    @Nested
    class CertificateValidity {

        @Test
        void anExpiredRegisteredCertificateFailsWithS005() {
            Instant afterExpiry = healthCertificate.getNotAfter().toInstant().plus(Duration.ofDays(1));
            var later = new DetachedSignatureVerifier(List.of(pki.caCertificate()), Clock.fixed(afterExpiry, ZoneOffset.UTC));
            String signature = healthSigner.signBase64(BODY);

            SecurityViolation violation = violation(() -> later.verify(BODY, signature, healthCertificate, known));

            assertThat(violation.code()).isEqualTo("RABT-S005");
            assertThat(violation.detail()).contains("expired on");
        }

        @Test
        void aRegisteredCertificateNotYetValidFailsWithS005() {
            Instant beforeStart = healthCertificate.getNotBefore().toInstant().minus(Duration.ofDays(1));
            var earlier = new DetachedSignatureVerifier(List.of(pki.caCertificate()), Clock.fixed(beforeStart, ZoneOffset.UTC));
            String signature = healthSigner.signBase64(BODY);

            assertThat(violation(() -> earlier.verify(BODY, signature, healthCertificate, known)).code()).isEqualTo("RABT-S005");
        }

        @Test
        void aSigningTimeOutsideTheCertificateValidityFailsWithS005() {
            Instant afterExpiry = healthCertificate.getNotAfter().toInstant().plus(Duration.ofDays(1));
            String signature = new DetachedSigner(health, Clock.fixed(afterExpiry, ZoneOffset.UTC)).signBase64(BODY);

            SecurityViolation violation = violation(() -> verifyAsHealth(BODY, signature));

            assertThat(violation.code()).isEqualTo("RABT-S005");
            assertThat(violation.detail()).contains("signing time");
        }
    }

    @Nested
    class MalformedSignatures {

        @Test
        void aMissingEmptyOrBlankSignatureFailsWithS001() {
            for (String missing : new String[] {null, "", "   "}) {
                assertThat(violation(() -> verifyAsHealth(BODY, missing)).code()).as("[" + missing + "]").isEqualTo("RABT-S001");
            }
            assertThat(violation(() -> verifier.verify(BODY, (byte[]) null, healthCertificate, known)).code()).isEqualTo("RABT-S001");
            assertThat(violation(() -> verifier.verify(BODY, new byte[0], healthCertificate, known)).code()).isEqualTo("RABT-S001");
        }

        @Test
        void garbageThatIsNotBase64FailsWithS002SayingSo() {
            SecurityViolation violation = violation(() -> verifyAsHealth(BODY, "this is not base64!"));

            assertThat(violation.code()).isEqualTo("RABT-S002");
            assertThat(violation.detail()).contains("not valid base64");
        }

        @Test
        void base64OfBytesThatAreNotCmsFailsWithS002() throws Exception {
            for (byte[] notCms : List.of("hello".getBytes(StandardCharsets.US_ASCII), healthCertificate.getEncoded(),
                    new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff})) {
                String signature = Base64.getEncoder().encodeToString(notCms);

                SecurityViolation violation = violation(() -> verifyAsHealth(BODY, signature));

                assertThat(violation.code()).isEqualTo("RABT-S002");
                assertThat(violation.detail()).contains("not a DER CMS SignedData");
            }
        }

        @Test
        void anAttachedSignatureCarryingTheBodyFailsWithS002() throws Exception {
            CMSSignedData attached = bcSignedData(health, "SHA256withECDSA", true);

            SecurityViolation violation = violation(() -> verifyAsHealth(BODY, base64(attached)));

            assertThat(violation.code()).isEqualTo("RABT-S002");
            assertThat(violation.detail()).contains("detached");
        }

        @Test
        void aCertificateOnlySignedDataWithoutSignerFailsWithS002() throws Exception {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addCertificates(new JcaCertStore(List.of(healthCertificate)));
            CMSSignedData certificatesOnly = generator.generate(new CMSProcessableByteArray(BODY), false);

            SecurityViolation violation = violation(() -> verifyAsHealth(BODY, base64(certificatesOnly)));

            assertThat(violation.code()).isEqualTo("RABT-S002");
            assertThat(violation.detail()).contains("no signer");
        }

        @Test
        void aSha1DigestFailsWithS002EvenThoughTheSignatureItselfIsValid() throws Exception {
            CMSSignedData sha1 = bcSignedData(health, "SHA1withECDSA", false);

            SecurityViolation violation = violation(() -> verifyAsHealth(BODY, base64(sha1)));

            assertThat(violation.code()).isEqualTo("RABT-S002");
            assertThat(violation.detail()).contains("sha256");
        }

        @Test
        void aSha384DigestIsAccepted() throws Exception {
            CMSSignedData sha384 = bcSignedData(health, "SHA384withECDSA", false);

            assertThat(verifyAsHealth(BODY, base64(sha384)).signer()).isEqualTo(healthCertificate);
        }

        @Test
        void aSignatureLargerThanTheLimitIsRefusedBeforeDecodingWithS002() {
            String huge = "A".repeat(DetachedSignatureVerifier.MAX_SIGNATURE_BYTES * 2);

            SecurityViolation violation = violation(() -> verifyAsHealth(BODY, huge));

            assertThat(violation.code()).isEqualTo("RABT-S002");
            assertThat(violation.detail()).contains("larger than");
        }

        private static CMSSignedData bcSignedData(KeyMaterial signer, String algorithm, boolean encapsulate) throws Exception {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(CryptoUtils.digestCalculatorProvider())
                    .build(new JcaContentSignerBuilder(algorithm).setProvider(CryptoUtils.provider()).build(signer.key()),
                            signer.certificate()));
            return generator.generate(new CMSProcessableByteArray(BODY), encapsulate);
        }

        private static String base64(CMSSignedData signed) {
            try {
                return Base64.getEncoder().encodeToString(signed.getEncoded(ASN1Encoding.DER));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Nested
    class Concurrency {

        @Test
        void oneSignerAndOneVerifierServeManyThreadsAtOnce() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<String>> tasks = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    int n = i;
                    tasks.add(() -> {
                        byte[] body = ("{\"n\":" + n + "}").getBytes(StandardCharsets.US_ASCII);
                        String signature = healthSigner.signBase64(body);
                        if (n % 2 == 0) {
                            return verifyAsHealth(body, signature).signerSubject();
                        }
                        body[body.length - 2] ^= 0x01;
                        return violation(() -> verifyAsHealth(body, signature)).code();
                    });
                }
                List<String> outcomes = new ArrayList<>();
                for (Future<String> outcome : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
                    outcomes.add(outcome.get());
                }
                assertThat(outcomes).hasSize(400);
                for (int i = 0; i < outcomes.size(); i++) {
                    assertThat(outcomes.get(i)).as("task " + i)
                            .isEqualTo(i % 2 == 0 ? "CN=health,OU=sector,O=Rabt,C=MA" : "RABT-S003");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Nested
    class Revoked {

        @Test
        void aBodySignedWithARevokedKeyIsRefusedWithS007EvenWhenTheSenderIsAuthenticatedWithAValidCertificate(
                @TempDir Path dir) {
            HubPki hub = HubPki.loadOrCreate(dir, List.of("health"), List.of());
            KeyMaterial demo = hub.sectorKeyMaterial("health").orElseThrow();
            KeyMaterial enrolled = hub.enrolSector("health");
            hub.revoke(enrolled.certificate().getSerialNumber());
            var checking = new DetachedSignatureVerifier(List.of(hub.caCertificate()), hub.revocations());

            SecurityViolation violation = violation(() -> checking.verify(BODY, new DetachedSigner(enrolled).signBase64(BODY),
                    demo.certificate(), hub.sectorCertificates()));

            assertThat(violation.code()).isEqualTo("RABT-S007");
            assertThat(violation.detail()).contains(enrolled.certificate().getSerialNumber().toString(16));
            assertThat(checking.verify(BODY, new DetachedSigner(demo).signBase64(BODY), demo.certificate(),
                    hub.sectorCertificates()).signer()).as("the valid key still signs").isEqualTo(demo.certificate());
        }

        @Test
        void aSenderWhoseOwnCertificateWasRevokedIsRefusedWithS007(@TempDir Path dir) {
            HubPki hub = HubPki.loadOrCreate(dir, List.of("health"), List.of());
            KeyMaterial demo = hub.sectorKeyMaterial("health").orElseThrow();
            hub.revokeSectorCertificate("health");
            var checking = new DetachedSignatureVerifier(List.of(hub.caCertificate()), hub.revocations());

            assertThat(violation(() -> checking.verify(BODY, new DetachedSigner(demo).signBase64(BODY), demo.certificate(),
                    hub.sectorCertificates())).code()).isEqualTo("RABT-S007");
        }
    }
}
