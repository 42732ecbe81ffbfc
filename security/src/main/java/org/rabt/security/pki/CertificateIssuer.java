package org.rabt.security.pki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.util.IPAddress;
import org.rabt.security.CryptoUtils;
import org.rabt.security.KeyMaterial;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityMisconfiguration;

/**
 * The certificate profiles of the hub's PKI: its CA, the exchange port's TLS server certificate,
 * the hub's signing certificate and the sector certificates. Every certificate it issues is signed
 * by the CA key it holds.
 */
final class CertificateIssuer {

    static final String ORGANISATION = "Rabt";
    static final String COUNTRY = "MA";
    static final String CA_COMMON_NAME = "Rabt Hub CA";
    static final String HUB_COMMON_NAME = "rabt-hub";
    static final String HUB_UNIT = "hub";
    static final String EXCHANGE_COMMON_NAME = "rabt-exchange";
    static final String EXCHANGE_UNIT = "exchange";
    /** The OU of every sector certificate; {@link SectorIdentity} requires it. */
    static final String SECTOR_UNIT = "sector";

    static final int CA_VALIDITY_YEARS = 10;
    static final int LEAF_VALIDITY_YEARS = 2;
    /** Certificates start a little in the past so that a peer whose clock lags still accepts them. */
    static final Duration BACKDATE = Duration.ofMinutes(5);
    /** A CA may have one intermediate below it (an external or provincial sub-CA), not more. */
    static final int CA_PATH_LENGTH = 1;

    /** Always in the exchange certificate, so that the hub is reachable on loopback out of the box. */
    static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "::1");

    private final KeyMaterial ca;
    private final Clock clock;

    CertificateIssuer(KeyMaterial ca, Clock clock) {
        this.ca = ca;
        this.clock = clock;
    }

    /** The CA's key and certificate, for the revocation list it signs. */
    KeyMaterial ca() {
        return ca;
    }

    /** A new self-signed CA: basicConstraints CA pathLen 1 and keyUsage keyCertSign|cRLSign, both critical. */
    static KeyMaterial createCa(Clock clock) {
        KeyPair keys = CryptoUtils.generateKeyPair();
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, COUNTRY)
                .addRDN(BCStyle.O, ORGANISATION)
                .addRDN(BCStyle.CN, CA_COMMON_NAME);
        X500Name subject = name.build();
        Instant notBefore = clock.instant().minus(BACKDATE);
        Instant notAfter = clock.instant().atOffset(ZoneOffset.UTC).plusYears(CA_VALIDITY_YEARS).toInstant();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, CryptoUtils.newSerialNumber(),
                Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(CA_PATH_LENGTH));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    CryptoUtils.extensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
        } catch (CertIOException e) {
            throw encodingFailure("the CA certificate", e);
        }
        X509Certificate certificate = CryptoUtils.certificate(builder.build(CryptoUtils.contentSigner(keys.getPrivate())));
        return new KeyMaterial(keys.getPrivate(), certificate, List.of(certificate));
    }

    /**
     * The exchange port's TLS server certificate: SAN DNS localhost, IP 127.0.0.1 and ::1, and each of
     * {@code hostnames} (as an IP address SAN when it is an IP literal); EKU serverAuth.
     */
    KeyMaterial exchange(Collection<String> hostnames) {
        GeneralNames names = subjectAlternativeNames(hostnames);
        return issue(name(EXCHANGE_COMMON_NAME, EXCHANGE_UNIT),
                new KeyUsage(KeyUsage.digitalSignature),
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth}, names);
    }

    /**
     * The hub's signing certificate. EKU emailProtection lets {@code openssl cms -verify} (S/MIME
     * purpose by default) accept the hub's signatures; clientAuth lets the hub present it over mTLS.
     */
    KeyMaterial hubSigner() {
        return issue(name(HUB_COMMON_NAME, HUB_UNIT),
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation),
                new KeyPurposeId[] {KeyPurposeId.id_kp_emailProtection, KeyPurposeId.id_kp_clientAuth}, null);
    }

    /** A sector system's certificate: CN=&lt;sector&gt;,OU=sector; for mTLS (clientAuth) and signing cards. */
    KeyMaterial sector(String sector) {
        return issue(name(sector, SECTOR_UNIT),
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation),
                new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_emailProtection}, null);
    }

    /** CN=&lt;commonName&gt;,OU=&lt;unit&gt;,O=Rabt,C=MA, encoded country first as X.500 expects. */
    static X500Name name(String commonName, String unit) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, COUNTRY)
                .addRDN(BCStyle.O, ORGANISATION)
                .addRDN(BCStyle.OU, unit)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    /** The DNS names and IP addresses an exchange certificate must carry for {@code hostnames}. */
    static Set<String> wantedNames(Collection<String> hostnames) {
        Set<String> wanted = new LinkedHashSet<>(LOOPBACK_NAMES);
        for (String hostname : hostnames) {
            wanted.add(hostname.trim().toLowerCase(Locale.ROOT));
        }
        return wanted;
    }

    private KeyMaterial issue(X500Name subject, KeyUsage keyUsage, KeyPurposeId[] purposes, GeneralNames altNames) {
        KeyPair keys = CryptoUtils.generateKeyPair();
        X509Certificate caCertificate = ca.certificate();
        Instant now = clock.instant();
        Instant notBefore = now.minus(BACKDATE);
        Instant notAfter = now.atOffset(ZoneOffset.UTC).plusYears(LEAF_VALIDITY_YEARS).toInstant();
        Instant caNotAfter = caCertificate.getNotAfter().toInstant();
        if (notAfter.isAfter(caNotAfter)) {
            notAfter = caNotAfter; // a certificate outliving its issuer would fail path validation anyway
        }
        BigInteger serial = CryptoUtils.newSerialNumber();
        // The issuer name is copied byte for byte from the CA certificate so that chain building matches it.
        X500Name issuer = X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial,
                Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, keyUsage);
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    CryptoUtils.extensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    CryptoUtils.extensionUtils().createAuthorityKeyIdentifier(caCertificate));
            if (altNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, altNames);
            }
        } catch (CertIOException | java.security.cert.CertificateEncodingException e) {
            throw encodingFailure("a certificate for " + subject, e);
        }
        X509Certificate certificate = CryptoUtils.certificate(builder.build(CryptoUtils.contentSigner(ca.key())));
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(ca.chain());
        return new KeyMaterial(keys.getPrivate(), certificate, chain);
    }

    private static GeneralNames subjectAlternativeNames(Collection<String> hostnames) {
        List<GeneralName> names = new ArrayList<>();
        for (String name : wantedNames(hostnames)) {
            boolean ipLiteral = IPAddress.isValid(name);
            names.add(new GeneralName(ipLiteral ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static SecurityMisconfiguration encodingFailure(String what, Exception cause) {
        return new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE, "Cannot encode " + what + ".", cause);
    }
}
