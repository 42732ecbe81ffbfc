package org.rabt.security;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/** Certificates made outside the hub PKI, to play strangers in tests. */
public final class TestCertificates {

    private TestCertificates() {
    }

    /** A self-signed EC certificate with subject {@code dn}, valid from an hour ago for a year, and its key. */
    public static KeyMaterial selfSigned(String dn) {
        KeyPair keys = CryptoUtils.generateKeyPair();
        X500Name name = new X500Name(dn);
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(365))), name, keys.getPublic());
        X509Certificate certificate = CryptoUtils.certificate(builder.build(CryptoUtils.contentSigner(keys.getPrivate())));
        return new KeyMaterial(keys.getPrivate(), certificate, List.of(certificate));
    }
}
