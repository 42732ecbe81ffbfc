package org.rabt.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {

    static Path fixture(String name) throws Exception {
        return Path.of(PemTest.class.getResource("/pem/" + name).toURI());
    }

    static void assertInconsistent(Runnable call, String fragment) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SecurityMisconfiguration.class, e -> {
            assertThat(e.code()).isEqualTo("RABT-S902");
            assertThat(e.detail()).contains(fragment);
        });
    }

    @Nested
    class Certificates {

        @Test
        void aChainWrittenAsPemReadsBackInTheSameOrder() {
            KeyMaterial first = TestCertificates.selfSigned("CN=first");
            KeyMaterial second = TestCertificates.selfSigned("CN=second");

            String pem = Pem.toPem(List.of(first.certificate(), second.certificate()));

            assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----");
            assertThat(Pem.readCertificates(pem, "chain")).containsExactly(first.certificate(), second.certificate());
        }

        @Test
        void readsACertificateMadeByOpenSsl() throws Exception {
            X509Certificate certificate = Pem.readCertificate(fixture("rsa-selfsigned.pem"));

            assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=pem fixture");
        }

        @Test
        void refusesAFileWithoutCertificates() {
            assertInconsistent(() -> Pem.readCertificates("", "empty.pem"), "no PEM certificate");
        }

        @Test
        void refusesAKeyWhereACertificateIsExpected() throws Exception {
            String pem = Files.readString(fixture("ec-sec1-key.pem"));

            assertInconsistent(() -> Pem.readCertificates(pem, "key.pem"), "only certificates are expected");
        }

        @Test
        void refusesACertificateWithCorruptBase64() {
            String pem = Pem.toPem(TestCertificates.selfSigned("CN=x").certificate()).replace('M', '*');

            assertThatThrownBy(() -> Pem.readCertificates(pem, "corrupt.pem"))
                    .isInstanceOfSatisfying(SecurityMisconfiguration.class, e -> assertThat(e.code()).isEqualTo("RABT-S902"));
        }

        @Test
        void reportsAMissingFileAsAStorageFailureNamingIt(@TempDir Path dir) {
            Path missing = dir.resolve("absent.pem");

            assertThatThrownBy(() -> Pem.readCertificate(missing))
                    .isInstanceOfSatisfying(SecurityMisconfiguration.class, e -> {
                        assertThat(e.code()).isEqualTo("RABT-S901");
                        assertThat(e.detail()).contains(missing.toString());
                    });
        }
    }

    @Nested
    class PrivateKeys {

        @Test
        void aKeyWrittenAsPkcs8ReadsBackEqual() {
            PrivateKey key = CryptoUtils.generateKeyPair().getPrivate();

            String pem = Pem.toPem(key);

            assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
            assertThat(Pem.readPrivateKey(pem, "key.pem").getEncoded()).isEqualTo(key.getEncoded());
        }

        @Test
        void readsOpenSslsSec1EcPrivateKey() throws Exception {
            PrivateKey key = Pem.readPrivateKey(fixture("ec-sec1-key.pem"));

            assertThat(key).isInstanceOf(ECPrivateKey.class);
            PrivateKey again = Pem.readPrivateKey(Pem.toPem(key), "rewritten");
            assertThat(((ECPrivateKey) again).getS()).isEqualTo(((ECPrivateKey) key).getS());
        }

        @Test
        void readsOpenSslsPkcs1RsaPrivateKeyAndItMatchesItsCertificate() throws Exception {
            PrivateKey key = Pem.readPrivateKey(fixture("rsa-pkcs1-key.pem"));

            assertThat(key).isInstanceOf(RSAPrivateKey.class);
            assertThat(CryptoUtils.isKeyPair(key, Pem.readCertificate(fixture("rsa-selfsigned.pem")).getPublicKey())).isTrue();
        }

        @Test
        void refusesAnEncryptedKeySayingHowToStoreIt() throws Exception {
            Path encrypted = fixture("ec-encrypted-key.pem");

            assertInconsistent(() -> Pem.readPrivateKey(encrypted), "encrypted private key");
        }

        @Test
        void refusesAPublicKeyWhereAPrivateKeyIsExpected() throws Exception {
            Path publicKey = fixture("ec-public.pem");

            assertInconsistent(() -> Pem.readPrivateKey(publicKey), "where a private key is expected");
        }

        @Test
        void refusesAFileHoldingTwoKeys() throws Exception {
            String twoKeys = Files.readString(fixture("ec-sec1-key.pem")) + Files.readString(fixture("rsa-pkcs1-key.pem"));

            assertInconsistent(() -> Pem.readPrivateKey(twoKeys, "two.pem"), "more than one");
        }

        @Test
        void refusesAnEmptyFile() {
            assertInconsistent(() -> Pem.readPrivateKey("", "empty.pem"), "no PEM private key");
        }
    }
}
