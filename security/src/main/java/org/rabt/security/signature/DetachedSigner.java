package org.rabt.security.signature;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.CollectionStore;
import org.bouncycastle.util.Store;
import org.rabt.security.CryptoUtils;
import org.rabt.security.KeyMaterial;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityMisconfiguration;

/**
 * Signs bodies with one key as detached CMS SignedData (RFC 5652, DER): SHA-256, signed attributes
 * content-type, message-digest and signing-time, and the signer's certificate with its
 * intermediates (not the self-signed root, which the verifier already has). What it produces
 * verifies with {@code openssl cms -verify -binary -inform DER -content body -CAfile ca.pem}.
 *
 * <p>Built once per key and thread-safe: the certificates are encoded once; each signature gets its
 * own one-shot signer.
 */
public final class DetachedSigner {

    private final KeyMaterial signer;
    private final X509CertificateHolder signerCertificate;
    private final Store<X509CertificateHolder> certificates;
    private final Clock clock;

    public DetachedSigner(KeyMaterial signer) {
        this(signer, Clock.systemUTC());
    }

    /** @param clock the source of the signing-time attribute */
    public DetachedSigner(KeyMaterial signer, Clock clock) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signerCertificate = CryptoUtils.holder(signer.certificate());
        List<X509CertificateHolder> included = new ArrayList<>();
        for (X509Certificate certificate : signer.chain()) {
            boolean selfSigned = certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
            if (!selfSigned || certificate.equals(signer.certificate())) {
                included.add(CryptoUtils.holder(certificate));
            }
        }
        this.certificates = new CollectionStore<>(included);
    }

    /** The DER encoding of a detached CMS SignedData over {@code content}. */
    public byte[] sign(byte[] content) {
        Objects.requireNonNull(content, "content");
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfoGenerator());
            generator.addCertificates(certificates);
            // BC builds BER (indefinite lengths) by default; the contract asks for DER.
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
        } catch (CMSException | IOException | OperatorCreationException e) {
            throw new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE,
                    "Cannot sign with " + signer + "; check the hub's signing key.", e);
        }
    }

    /** {@link #sign} as one line of base64, the form of the {@code Rabt-Signature} header. */
    public String signBase64(byte[] content) {
        return Base64.getEncoder().encodeToString(sign(content));
    }

    /** The certificate whose key makes the signatures. */
    public X509Certificate certificate() {
        return signer.certificate();
    }

    private SignerInfoGenerator signerInfoGenerator() throws OperatorCreationException {
        // UTCTime has whole seconds; truncating keeps the attribute equal to what the clock said.
        Date signingTime = Date.from(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        AttributeTable signed = new AttributeTable(
                new Attribute(CMSAttributes.signingTime, new DERSet(new Time(signingTime))));
        return new SignerInfoGeneratorBuilder(CryptoUtils.digestCalculatorProvider())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signed))
                .build(CryptoUtils.contentSigner(signer.key()), signerCertificate);
    }
}
