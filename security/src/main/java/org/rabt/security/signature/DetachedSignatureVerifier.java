package org.rabt.security.signature;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessable;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSProcessableFile;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.rabt.security.CryptoUtils;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityViolation;
import org.rabt.security.pki.Revocations;

/**
 * Verifies a sender's detached CMS signature (RFC 5652, DER, base64) over the exact body bytes
 * against the certificate registered for that sender, and says precisely what is wrong otherwise
 * (RABT-S001 to S007).
 *
 * <p>Only the registered certificate's key is ever used: certificates embedded in the signature are
 * ignored, so a signature made with {@code openssl cms -sign}, with or without {@code -nocerts},
 * verifies the same way. The signer is found by its SignerIdentifier (issuer and serial, or subject
 * key identifier). The registered certificate must have been issued directly by one of the trusted
 * issuers and be valid on the verifier's clock.
 *
 * <p>Built once and thread-safe. Per-certificate work (decoding, the issuer's signature on it) is
 * cached, as a sector's certificate is the same for thousands of calls.
 */
public final class DetachedSignatureVerifier {

    /** Larger signatures are refused before decoding; a signature with a two-certificate chain is ~1.5 KB. */
    public static final int MAX_SIGNATURE_BYTES = 64 * 1024;
    /** A card has one signer; a few are tolerated so that a co-signed body still finds its sender. */
    static final int MAX_SIGNERS = 4;
    /** Cache entries kept before the cache is emptied (certificates are few: one per sector, renewed rarely). */
    static final int CACHE_LIMIT = 1024;

    private static final int MAX_BASE64_CHARS = (MAX_SIGNATURE_BYTES + 2) / 3 * 4;

    private final List<X509Certificate> trustedIssuers;
    private final Revocations revocations;
    private final Clock clock;
    private final ConcurrentHashMap<X509Certificate, Registered> registered = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<X509Certificate, X509CertificateHolder> decoded = new ConcurrentHashMap<>();

    /**
     * A registered certificate prepared for verification.
     *
     * @param untrusted why it is not acceptable whatever the time (null when issued by a trusted issuer)
     */
    private record Registered(X509CertificateHolder holder, SignerInformationVerifier verifier, String untrusted) {
    }

    /** @param trustedIssuers the CAs that may issue sender certificates: the hub CA, perhaps an external one */
    public DetachedSignatureVerifier(Collection<X509Certificate> trustedIssuers) {
        this(trustedIssuers, Revocations.NONE, Clock.systemUTC());
    }

    /** @param revocations consulted at each verification: a revoked signer is refused with RABT-S007 */
    public DetachedSignatureVerifier(Collection<X509Certificate> trustedIssuers, Revocations revocations) {
        this(trustedIssuers, revocations, Clock.systemUTC());
    }

    /** @param clock the time at which certificate validity is judged */
    public DetachedSignatureVerifier(Collection<X509Certificate> trustedIssuers, Clock clock) {
        this(trustedIssuers, Revocations.NONE, clock);
    }

    public DetachedSignatureVerifier(Collection<X509Certificate> trustedIssuers, Revocations revocations, Clock clock) {
        this.trustedIssuers = List.copyOf(trustedIssuers);
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (this.trustedIssuers.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted issuer (the hub CA) is required");
        }
    }

    /**
     * Verifies {@code base64Signature} (the {@code Rabt-Signature} header) over {@code content}.
     *
     * @param expectedSigner           the certificate registered for the sender
     * @param knownSectorCertificates  every sector's registered certificate by sector id, to name the
     *                                 sector whose key was used by mistake (may include the sender's own)
     * @throws SecurityViolation with codes RABT-S001 to RABT-S007
     */
    public VerifiedSignature verify(byte[] content, String base64Signature, X509Certificate expectedSigner,
            Map<String, X509Certificate> knownSectorCertificates) {
        Objects.requireNonNull(content, "content");
        return verify(new CMSProcessableByteArray(content), decode(base64Signature), expectedSigner,
                knownSectorCertificates);
    }

    /**
     * As {@link #verify(byte[], String, X509Certificate, Map)} over a file, read as a stream: a
     * batch of many megabytes is verified without being held in memory.
     */
    public VerifiedSignature verify(Path content, String base64Signature, X509Certificate expectedSigner,
            Map<String, X509Certificate> knownSectorCertificates) {
        Objects.requireNonNull(content, "content");
        return verify(new CMSProcessableFile(content.toFile()), decode(base64Signature), expectedSigner,
                knownSectorCertificates);
    }

    private static byte[] decode(String base64Signature) {
        if (base64Signature == null || base64Signature.isBlank()) {
            throw missing();
        }
        String text = base64Signature.strip();
        if (text.length() > MAX_BASE64_CHARS) {
            throw malformed("The signature is larger than " + MAX_SIGNATURE_BYTES + " bytes; a detached signature "
                    + "with your certificate is about 1.5 KB. Sign detached (no -nodetach) and send only the signature.");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed("The signature is not valid base64 (" + e.getMessage() + "). Send the DER signature "
                    + "base64-encoded on one line (standard alphabet, with padding), e.g. with openssl base64 -A.", e);
        }
    }

    /** As {@link #verify(byte[], String, X509Certificate, Map)} for a signature already decoded (stored evidence). */
    public VerifiedSignature verify(byte[] content, byte[] derSignature, X509Certificate expectedSigner,
            Map<String, X509Certificate> knownSectorCertificates) {
        Objects.requireNonNull(content, "content");
        return verify(new CMSProcessableByteArray(content), derSignature, expectedSigner, knownSectorCertificates);
    }

    private VerifiedSignature verify(CMSProcessable content, byte[] derSignature, X509Certificate expectedSigner,
            Map<String, X509Certificate> knownSectorCertificates) {
        Objects.requireNonNull(expectedSigner, "expectedSigner");
        Objects.requireNonNull(knownSectorCertificates, "knownSectorCertificates");
        if (derSignature == null || derSignature.length == 0) {
            throw missing();
        }
        if (derSignature.length > MAX_SIGNATURE_BYTES) {
            throw malformed("The signature is larger than " + MAX_SIGNATURE_BYTES + " bytes; send only the detached signature.");
        }
        Collection<SignerInformation> signers = parseSigners(content, derSignature);
        if (signers.isEmpty()) {
            throw malformed("The signature has no signer (a certificate-only SignedData); sign the body with your key.");
        }
        if (signers.size() > MAX_SIGNERS) {
            throw malformed("The signature has " + signers.size() + " signers; at most " + MAX_SIGNERS + " are accepted.");
        }
        rejectRevoked(signers, expectedSigner, knownSectorCertificates);
        Registered expected = registered(expectedSigner);
        SignerInformation signer = signers.stream()
                .filter(candidate -> candidate.getSID().match(expected.holder()))
                .findFirst()
                .orElseThrow(() -> notTheSender(signers, expectedSigner, knownSectorCertificates));
        requireValidCertificate(expected, expectedSigner);
        requireAcceptedDigest(signer);
        verifySignerInformation(signer, expected, expectedSigner);
        return new VerifiedSignature(expectedSigner, expectedSigner.getSubjectX500Principal().getName(),
                signingTime(signer));
    }

    /**
     * A revoked key is named as such whoever it belongs to: the sender's own certificate (a TLS
     * connection opened before the revocation) or the signer's, found by issuer and serial or, for a
     * key identifier, among the registered certificates.
     */
    private void rejectRevoked(Collection<SignerInformation> signers, X509Certificate expectedSigner,
            Map<String, X509Certificate> knownSectorCertificates) {
        if (revocations.isRevoked(expectedSigner)) {
            throw revoked(describe(expectedSigner));
        }
        for (SignerInformation signer : signers) {
            SignerId id = signer.getSID();
            if (id.getIssuer() != null && id.getSerialNumber() != null) {
                if (revocations.isRevoked(principal(id.getIssuer()), id.getSerialNumber())) {
                    throw revoked(describe(id));
                }
                continue;
            }
            for (X509Certificate known : knownSectorCertificates.values()) {
                if (id.match(decoded(known)) && revocations.isRevoked(known)) {
                    throw revoked(describe(known));
                }
            }
        }
    }

    private static X500Principal principal(X500Name name) {
        try {
            return new X500Principal(name.getEncoded());
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw malformed("The signer's issuer name in the signature cannot be decoded.", e);
        }
    }

    private static SecurityViolation revoked(String certificate) {
        return new SecurityViolation(SecurityError.CERTIFICATE_REVOKED, "The body is signed with, or sent over a "
                + "connection authenticated by, a revoked certificate (" + certificate + "). Ask the hub operator to "
                + "enrol your sector anew (java -jar rabt.jar pki enrol) and sign with the new key.");
    }

    /** The signer infos of a detached id-data SignedData over {@code content}, fully decoded. */
    private static Collection<SignerInformation> parseSigners(CMSProcessable content, byte[] der) {
        SignedData structure;
        Collection<SignerInformation> signers;
        try {
            CMSSignedData signed = new CMSSignedData(content, der);
            structure = SignedData.getInstance(signed.toASN1Structure().getContent());
            // BC decodes the signer infos lazily: force it here so that every decoding error is an S002.
            signers = signed.getSignerInfos().getSigners();
        } catch (CMSException | RuntimeException e) {
            // BC reports malformed ASN.1 from hostile input as CMSException or as runtime exceptions
            // (IllegalArgumentException, ClassCastException, ASN1ParsingException): all mean "not CMS".
            // The library's own message ("IOException reading content") helps nobody; the cause stays for the log.
            throw malformed("The signature is not a DER CMS SignedData (RFC 5652). Sign with openssl cms -sign "
                    + "-binary -outform DER, or an equivalent CMS library, and send it base64-encoded.", e);
        }
        if (structure.getEncapContentInfo().getContent() != null) {
            throw malformed("The signature carries the content (attached/opaque signing); send a detached signature "
                    + "(openssl cms -sign without -nodetach) and the body separately.");
        }
        if (!CMSObjectIdentifiers.data.equals(structure.getEncapContentInfo().getContentType())) {
            throw malformed("The signature covers content of type " + structure.getEncapContentInfo().getContentType()
                    + "; sign the body as plain data (id-data).");
        }
        return signers;
    }

    private Registered registered(X509Certificate certificate) {
        Registered entry = registered.get(certificate);
        if (entry != null) {
            return entry;
        }
        if (registered.size() >= CACHE_LIMIT) {
            registered.clear();
        }
        return registered.computeIfAbsent(certificate, this::prepare);
    }

    private Registered prepare(X509Certificate certificate) {
        X509CertificateHolder holder = CryptoUtils.holder(certificate);
        boolean trusted = trustedIssuers.stream().anyMatch(issuer -> CryptoUtils.isIssuedBy(certificate, issuer));
        String untrusted = trusted ? null : "was not issued by the hub's CA or another trusted CA";
        return new Registered(holder, CryptoUtils.signerInformationVerifier(holder), untrusted);
    }

    private X509CertificateHolder decoded(X509Certificate certificate) {
        X509CertificateHolder holder = decoded.get(certificate);
        if (holder != null) {
            return holder;
        }
        if (decoded.size() >= CACHE_LIMIT) {
            decoded.clear();
        }
        return decoded.computeIfAbsent(certificate, CryptoUtils::holder);
    }

    private void requireValidCertificate(Registered expected, X509Certificate certificate) {
        String registeredAs = "The certificate registered for this sender (" + describe(certificate) + ") ";
        if (expected.untrusted() != null) {
            throw new SecurityViolation(SecurityError.SIGNER_CERTIFICATE_NOT_VALID, registeredAs + expected.untrusted()
                    + "; ask the hub operator to enrol your sector with a certificate from the hub's CA.");
        }
        Instant now = clock.instant();
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw new SecurityViolation(SecurityError.SIGNER_CERTIFICATE_NOT_VALID, registeredAs + "expired on "
                    + certificate.getNotAfter().toInstant() + "; ask the hub operator to renew it and sign with the new key.");
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new SecurityViolation(SecurityError.SIGNER_CERTIFICATE_NOT_VALID, registeredAs + "is not valid before "
                    + certificate.getNotBefore().toInstant() + "; wait until then or ask the hub operator to check the clocks.");
        }
    }

    private static void requireAcceptedDigest(SignerInformation signer) {
        if (!CryptoUtils.ACCEPTED_DIGESTS.contains(signer.getDigestAlgorithmID().getAlgorithm())) {
            throw malformed("The signature uses digest algorithm " + signer.getDigestAlgOID()
                    + ", which is not accepted; sign with SHA-256 (openssl cms -sign -md sha256).");
        }
    }

    private static void verifySignerInformation(SignerInformation signer, Registered expected, X509Certificate certificate) {
        boolean verified;
        try {
            verified = signer.verify(expected.verifier());
        } catch (CMSSignerDigestMismatchException e) {
            throw doesNotMatchBody(e);
        } catch (CMSVerifierCertificateNotValidException e) {
            throw new SecurityViolation(SecurityError.SIGNER_CERTIFICATE_NOT_VALID, "The signing time in the signature "
                    + "lies outside the validity of the registered certificate (" + describe(certificate)
                    + "); check the signing system's clock.", e);
        } catch (CMSException e) {
            throw doesNotMatchBody(e);
        } catch (RuntimeException e) {
            // malformed signed attributes are decoded lazily, here rather than in parse()
            throw malformed("The signer information in the signature cannot be decoded.", e);
        }
        if (!verified) {
            throw doesNotMatchBody(null);
        }
    }

    private SecurityViolation notTheSender(Collection<SignerInformation> signers, X509Certificate expectedSigner,
            Map<String, X509Certificate> knownSectorCertificates) {
        for (SignerInformation signer : signers) {
            for (Map.Entry<String, X509Certificate> known : knownSectorCertificates.entrySet()) {
                if (!known.getValue().equals(expectedSigner) && signer.getSID().match(decoded(known.getValue()))) {
                    return new SecurityViolation(SecurityError.SIGNED_BY_OTHER_SECTOR, "The body is signed with the key "
                            + "of sector '" + known.getKey() + "', not with the certificate registered for this sender ("
                            + describe(expectedSigner) + "). Sign with your own sector's key.");
                }
            }
        }
        return new SecurityViolation(SecurityError.UNKNOWN_SIGNER, "The body is signed by " + describe(signers.iterator()
                .next().getSID()) + ", which is not the certificate registered for this sender (" + describe(expectedSigner)
                + "). Sign with the key of the certificate the hub issued to your sector.");
    }

    private static Optional<Instant> signingTime(SignerInformation signer) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (attribute == null) {
            return Optional.empty();
        }
        ASN1Set values = attribute.getAttrValues();
        try {
            return Optional.of(Time.getInstance(values.getObjectAt(0)).getDate().toInstant());
        } catch (RuntimeException e) {
            throw malformed("The signing-time attribute of the signature cannot be decoded.", e);
        }
    }

    private static String describe(X509Certificate certificate) {
        return "subject " + certificate.getSubjectX500Principal().getName() + ", serial "
                + certificate.getSerialNumber().toString(16);
    }

    private static String describe(SignerId id) {
        BigInteger serial = id.getSerialNumber();
        if (id.getIssuer() != null && serial != null) {
            return "a certificate of issuer " + id.getIssuer() + " with serial " + serial.toString(16);
        }
        if (id.getSubjectKeyIdentifier() != null) {
            return "a certificate with subject key identifier " + HexFormat.of().formatHex(id.getSubjectKeyIdentifier());
        }
        return "an unidentified certificate";
    }

    private static SecurityViolation missing() {
        return new SecurityViolation(SecurityError.SIGNATURE_MISSING, "No signature was sent. Send, in the Rabt-Signature "
                + "header, base64 of a detached CMS SignedData (DER) over the exact body bytes, made with your sector's key "
                + "(e.g. openssl cms -sign -binary -outform DER -signer cert.pem -inkey key.pem -in body).");
    }

    private static SecurityViolation malformed(String detail) {
        return new SecurityViolation(SecurityError.SIGNATURE_MALFORMED, detail);
    }

    private static SecurityViolation malformed(String detail, Throwable cause) {
        return new SecurityViolation(SecurityError.SIGNATURE_MALFORMED, detail, cause);
    }

    private static SecurityViolation doesNotMatchBody(Throwable cause) {
        return new SecurityViolation(SecurityError.SIGNATURE_INVALID, "The signature does not verify over the body: "
                + "the body was changed after signing, or other bytes were signed. Sign the exact bytes you send, "
                + "in binary mode (openssl cms -sign -binary) so that line endings are not converted.", cause);
    }
}
