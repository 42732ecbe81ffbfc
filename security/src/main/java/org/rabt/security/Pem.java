package org.rabt.security;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads and writes PEM: X.509 certificates (one or a chain) and private keys. Keys are written as
 * unencrypted PKCS#8 ({@code PRIVATE KEY}); reading also accepts OpenSSL's traditional forms,
 * SEC1 {@code EC PRIVATE KEY} and PKCS#1 {@code RSA PRIVATE KEY}. Encrypted keys are refused.
 */
public final class Pem {

    private Pem() {
    }

    /** All certificates in {@code pem}, in order; at least one. */
    public static List<X509Certificate> readCertificates(String pem, String source) {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object;
            while ((object = nextObject(parser, source)) != null) {
                if (!(object instanceof X509CertificateHolder holder)) {
                    throw inconsistent(source + " holds a " + describe(object) + " where only certificates are expected");
                }
                certificates.add(CryptoUtils.certificate(holder.getEncoded()));
            }
        } catch (IOException | CertificateException e) {
            throw inconsistent(source + " holds a certificate that cannot be decoded", e);
        }
        if (certificates.isEmpty()) {
            throw inconsistent(source + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return List.copyOf(certificates);
    }

    /** All certificates in the PEM file at {@code file}, in order; at least one. */
    public static List<X509Certificate> readCertificates(Path file) {
        return readCertificates(read(file), file.toString());
    }

    /** The first certificate in the PEM file at {@code file}. */
    public static X509Certificate readCertificate(Path file) {
        return readCertificates(file).get(0);
    }

    /** The single private key in {@code pem}: PKCS#8, SEC1 EC or PKCS#1 RSA, unencrypted. */
    public static PrivateKey readPrivateKey(String pem, String source) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = nextObject(parser, source);
            if (object == null) {
                throw inconsistent(source + " holds no PEM private key (a PKCS#8 \"PRIVATE KEY\" block)");
            }
            if (nextObject(parser, source) != null) {
                throw inconsistent(source + " holds more than one PEM object; a key file must hold exactly one key");
            }
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(CryptoUtils.provider());
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw inconsistent(source + " holds an encrypted private key; store it unencrypted "
                        + "(e.g. openssl pkey -in key.pem -out plain.pem) and protect the file by its permissions");
            }
            throw inconsistent(source + " holds a " + describe(object) + " where a private key is expected");
        } catch (IOException e) {
            throw inconsistent(source + " holds a private key that cannot be decoded", e);
        }
    }

    /** The single private key in the PEM file at {@code file}. */
    public static PrivateKey readPrivateKey(Path file) {
        return readPrivateKey(read(file), file.toString());
    }

    /** {@code certificates} as concatenated PEM blocks. */
    public static String toPem(List<X509Certificate> certificates) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toString();
    }

    /** {@code certificate} as one PEM block. */
    public static String toPem(X509Certificate certificate) {
        return toPem(List.of(certificate));
    }

    /** {@code key} as an unencrypted PKCS#8 PEM block (type {@code PRIVATE KEY}). */
    public static String toPem(PrivateKey key) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            // JcaPEMWriter.writeObject(PrivateKey) would write SEC1 "EC PRIVATE KEY"; PKCS#8 is the
            // form every current tool (openssl 3, Java, Go, Python) reads without options.
            writer.writeObject(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toString();
    }

    private static Object nextObject(PEMParser parser, String source) {
        try {
            return parser.readObject();
        } catch (IOException | RuntimeException e) {
            // PEMParser reports malformed base64 or ASN.1 as IOException or as runtime exceptions.
            throw inconsistent(source + " is not valid PEM: " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            // ISO-8859-1 decodes any byte: stray non-ASCII is then reported as bad PEM, not as an I/O error.
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new SecurityMisconfiguration(SecurityError.PKI_STORAGE,
                    "Cannot read " + file + " (" + e.getMessage() + "); check that it exists and is readable by the hub.", e);
        }
    }

    private static String describe(Object object) {
        return object.getClass().getSimpleName();
    }

    private static SecurityMisconfiguration inconsistent(String detail) {
        return new SecurityMisconfiguration(SecurityError.PKI_INCONSISTENT, detail + ".");
    }

    private static SecurityMisconfiguration inconsistent(String detail, Throwable cause) {
        return new SecurityMisconfiguration(SecurityError.PKI_INCONSISTENT, detail + ".", cause);
    }
}
