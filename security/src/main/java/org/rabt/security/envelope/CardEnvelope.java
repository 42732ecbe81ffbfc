package org.rabt.security.envelope;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.rabt.security.CryptoUtils;
import org.rabt.security.KeyMaterial;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityMisconfiguration;
import org.rabt.security.SecurityViolation;

/**
 * A card sealed for the hub, so that a broker's journal never holds it in clear: a CMS
 * AuthEnvelopedData (RFC 5083, DER) whose one recipient is the hub's certificate ({@code hub.pem},
 * the exchange port's server certificate). The card is signed first and then sealed: the detached
 * signature that travels beside it covers the plain card bytes, and is verified after opening as
 * for a card sent over HTTPS.
 *
 * <p>Why AuthEnvelopedData with AES-256-GCM rather than EnvelopedData: Bouncy Castle 1.87 does put a
 * GCM cipher into an EnvelopedData when asked, but that is not a standard form (RFC 5084 defines
 * AES-GCM for AuthEnvelopedData only): OpenSSL then decrypts the content <em>with the GCM tag glued
 * to it and unchecked</em>. AuthEnvelopedData checks the tag and is what {@code openssl cms -encrypt
 * -aes-256-gcm} writes, so a sector can seal with OpenSSL 3 as well as with Bouncy Castle; and
 * AES-256-CBC (the fallback) would leave the ciphertext unauthenticated.
 *
 * <p>The content key reaches the hub by ECDH (ephemeral-static, the hub's EC key; SHA-256 KDF,
 * AES-256 key wrap) or, if an operator gave the exchange port an RSA key, by RSA-OAEP with SHA-256.
 * Instances are thread-safe.
 */
public final class CardEnvelope {

    /** The content cipher: authenticated, so an altered envelope does not open. */
    public static final ASN1ObjectIdentifier CONTENT_CIPHER = CMSAlgorithm.AES256_GCM;
    /** Key agreement for an EC hub certificate: ECDH with a fresh key per card, X9.63 KDF over SHA-256. */
    public static final ASN1ObjectIdentifier KEY_AGREEMENT = CMSAlgorithm.ECDH_SHA256KDF;
    /** The wrap of the content key under the agreed key. */
    public static final ASN1ObjectIdentifier KEY_WRAP = CMSAlgorithm.AES256_WRAP;

    private static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);

    private static final String HOW_TO_SEAL = "over AMQP the card must be a CMS AuthEnvelopedData (DER, AES-256-GCM) "
            + "for the hub's certificate (hub.pem, handed out with ca.pem), e.g. openssl cms -encrypt -binary "
            + "-outform DER -aes-256-gcm -recip hub.pem -keyopt ecdh_kdf_md:sha256, sealed after signing: "
            + "RabtSignature stays the signature of the plain card";

    private final Supplier<List<KeyMaterial>> openers;
    /** The openers' certificates decoded for matching, once each (a handful over the hub's life). */
    private final java.util.Map<X509Certificate, X509CertificateHolder> holders = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * An opener with one key and certificate: a sector's, to open the hub's AMQP answers, which
     * are sealed the same way for that sector (or the hub's, in tests).
     */
    public CardEnvelope(KeyMaterial key) {
        Objects.requireNonNull(key, "key");
        List<KeyMaterial> only = List.of(key);
        this.openers = () -> only;
    }

    /**
     * The hub's opener: {@code openers} gives the exchange port's current key first, then the one
     * its last renewal replaced ({@code HubPki.exchangeOpeners}, which reads them again when another
     * node renews the certificate). Asked at each card; it must be cheap.
     */
    public CardEnvelope(Supplier<List<KeyMaterial>> openers) {
        this.openers = Objects.requireNonNull(openers, "openers");
    }

    /**
     * Seals {@code plain} for {@code hub}: what a sector system does before sending a signed card
     * over AMQP (and the tests and demo senders do).
     *
     * @throws IllegalArgumentException when the certificate's key is neither EC nor RSA
     * @throws SecurityMisconfiguration RABT-S903 when the cryptographic provider fails
     */
    public static byte[] seal(byte[] plain, X509Certificate hub) {
        Objects.requireNonNull(plain, "plain");
        Objects.requireNonNull(hub, "hub");
        try {
            CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
            generator.addRecipientInfoGenerator(recipientInfo(hub));
            OutputAEADEncryptor encryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CONTENT_CIPHER)
                    .setProvider(CryptoUtils.provider()).setSecureRandom(CryptoUtils.secureRandom()).build();
            return generator.generate(new CMSProcessableByteArray(plain), encryptor).getEncoded();
        } catch (CMSException | GeneralSecurityException | java.io.IOException e) {
            throw new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE, "Cannot seal a card for "
                    + hub.getSubjectX500Principal().getName() + " (" + e + ").", e);
        }
    }

    /**
     * The plain card inside {@code sealed}.
     *
     * @throws SecurityViolation RABT-I018 when it is not an AuthEnvelopedData, not sealed for the
     *                           hub's certificate, or does not open (altered, or a wrong key)
     */
    public byte[] open(byte[] sealed) {
        if (sealed == null || sealed.length == 0) {
            throw notSealed("The body is empty; " + HOW_TO_SEAL + ".", null);
        }
        CMSAuthEnvelopedData envelope = parse(sealed);
        List<KeyMaterial> keys = openers.get();
        Addressed addressed = addressedTo(envelope, keys);
        if (addressed == null) {
            throw notSealed("The card is sealed, but not for the hub's current certificate (serial "
                    + keys.get(0).certificate().getSerialNumber().toString(16) + "); fetch hub.pem again (the hub "
                    + "renews it before it expires) and seal for it.", null);
        }
        RecipientInformation forTheHub = addressed.recipient();
        Recipient hub = recipientWithHubKey(forTheHub, addressed.key());
        try {
            return forTheHub.getContent(hub);
        } catch (CMSException | RuntimeException e) {
            throw notSealed("The envelope does not open with the hub's key (altered on the way, or not sealed "
                    + "as expected); " + HOW_TO_SEAL + ".", e);
        }
    }

    /** The envelope's recipient entry for one of {@code keys}, in their order, and that key. */
    private record Addressed(RecipientInformation recipient, PrivateKey key) {
    }

    private Addressed addressedTo(CMSAuthEnvelopedData envelope, List<KeyMaterial> keys) {
        for (KeyMaterial key : keys) {
            X509CertificateHolder certificate = holders.computeIfAbsent(key.certificate(), CryptoUtils::holder);
            for (RecipientInformation recipient : envelope.getRecipientInfos().getRecipients()) {
                if (recipient.getRID().match(certificate)) {
                    return new Addressed(recipient, key.key());
                }
            }
        }
        return null;
    }

    private static CMSAuthEnvelopedData parse(byte[] sealed) {
        ASN1ObjectIdentifier type;
        try {
            type = ContentInfo.getInstance(sealed).getContentType();
        } catch (RuntimeException notDer) {
            // a plain JSON card lands here: say what was expected, never what was received
            throw notSealed("The body is not a CMS structure; " + HOW_TO_SEAL + ".", null);
        }
        if (!CMSObjectIdentifiers.authEnvelopedData.equals(type)) {
            throw notSealed("The body is a CMS " + nameOf(type) + ", not an AuthEnvelopedData; " + HOW_TO_SEAL + ".",
                    null);
        }
        try {
            return new CMSAuthEnvelopedData(sealed);
        } catch (CMSException | RuntimeException e) {
            throw notSealed("The AuthEnvelopedData cannot be read; " + HOW_TO_SEAL + ".", e);
        }
    }

    private static Recipient recipientWithHubKey(RecipientInformation recipient, PrivateKey hubKey) {
        if (recipient instanceof KeyAgreeRecipientInformation) {
            return new JceKeyAgreeEnvelopedRecipient(hubKey).setProvider(CryptoUtils.provider());
        }
        if (recipient instanceof KeyTransRecipientInformation) {
            return new JceKeyTransEnvelopedRecipient(hubKey).setProvider(CryptoUtils.provider());
        }
        throw notSealed("The envelope reaches the hub neither by key agreement nor by key transport; "
                + HOW_TO_SEAL + ".", null);
    }

    private static RecipientInfoGenerator recipientInfo(X509Certificate hub)
            throws GeneralSecurityException, CMSException {
        PublicKey key = hub.getPublicKey();
        if (key instanceof ECPublicKey ec) {
            // a fresh key pair per card on the hub's curve: ephemeral-static ECDH as RFC 5753 intends
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", CryptoUtils.provider());
            generator.initialize(ec.getParams(), CryptoUtils.secureRandom());
            KeyPair ephemeral = generator.generateKeyPair();
            return new JceKeyAgreeRecipientInfoGenerator(KEY_AGREEMENT, ephemeral.getPrivate(), ephemeral.getPublic(),
                    KEY_WRAP).addRecipient(hub).setProvider(CryptoUtils.provider())
                    .setSecureRandom(CryptoUtils.secureRandom());
        }
        if (key instanceof RSAPublicKey) {
            try {
                return new JceKeyTransRecipientInfoGenerator(hub, new JcaAlgorithmParametersConverter()
                        .getAlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP, OAEP))
                        .setProvider(CryptoUtils.provider());
            } catch (CertificateEncodingException e) {
                throw new CMSException("cannot read the hub's certificate", e);
            }
        }
        throw new IllegalArgumentException("the hub's certificate has a " + key.getAlgorithm()
                + " key; cards are sealed for EC or RSA keys only");
    }

    private static String nameOf(ASN1ObjectIdentifier type) {
        if (CMSObjectIdentifiers.envelopedData.equals(type)) {
            return "EnvelopedData";
        }
        if (CMSObjectIdentifiers.signedData.equals(type)) {
            return "SignedData";
        }
        return "content of type " + type;
    }

    private static SecurityViolation notSealed(String detail, Throwable cause) {
        return new SecurityViolation(SecurityError.CARD_NOT_SEALED, detail, cause);
    }
}
