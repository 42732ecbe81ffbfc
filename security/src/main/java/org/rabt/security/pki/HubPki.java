package org.rabt.security.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.bouncycastle.util.IPAddress;
import org.rabt.security.CryptoUtils;
import org.rabt.security.KeyMaterial;
import org.rabt.security.Pem;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityMisconfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's own certificate authority and the demo PKI it issues, kept as PEM files in one
 * directory: created on first start, loaded afterwards, completed with certificates for sectors
 * that were added to the configuration since.
 *
 * <pre>
 * ca.pem, ca-key.pem            the CA (self-signed, 10 years)
 * hub.pem                       a copy of exchange/cert.pem for sector systems: they seal AMQP cards for it
 * exchange/cert.pem, key.pem    the exchange port's TLS server certificate (2 years)
 * hub/cert.pem, key.pem         the hub's signing certificate (2 years)
 * exchange/previous/           the pair the last renewal replaced (AMQP cards sealed for the
 *                               old hub.pem still open until it expires)
 * sectors/&lt;sector&gt;/cert.pem, key.pem   one per sector system (2 years); no key.pem once
 *                               enrolled with {@code pki enrol}: the sector alone holds its key
 * revoked.crl                   the CA's revocation list ({@code pki revoke}), see {@link RevocationFile}
 * </pre>
 *
 * <p>A sector's certificate may be replaced on disk while the hub runs ({@code pki enrol} in
 * another process): {@link #sectorCertificate} and {@link #sectorCertificates} notice it at their
 * next call (one {@code stat} per sector) and answer with the new one.
 *
 * <p><strong>Demo only:</strong> every private key, including the CA's, is stored unencrypted
 * (PKCS#8 PEM, mode 600). A production deployment keeps the CA key offline (delete
 * {@code ca-key.pem}: the hub then issues nothing but runs with the certificates it has) and a
 * sector's {@code key.pem} only on that sector's system (the hub needs only {@code cert.pem}).
 *
 * <p>Every file is written atomically and a certificate file is written after its key, so the
 * certificate is the commit mark: a crash leaves either no certificate or a complete pair.
 * Instances are thread-safe.
 */
public final class HubPki {

    private static final Logger LOG = LoggerFactory.getLogger(HubPki.class);

    /** Lower-case id safe as a path segment and as a common name: {@code health}, {@code freeline}. */
    static final Pattern SECTOR_ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    static final String CA_CERTIFICATE_FILE = "ca.pem";
    static final String CA_KEY_FILE = "ca-key.pem";
    /** The hub's certificate as sector systems need it beside {@code ca.pem}: to seal cards sent over AMQP. */
    public static final String HUB_CERTIFICATE_FILE = "hub.pem";
    static final String CERTIFICATE_FILE = "cert.pem";
    static final String KEY_FILE = "key.pem";
    static final String EXCHANGE_DIRECTORY = "exchange";
    static final String HUB_DIRECTORY = "hub";
    static final String SECTORS_DIRECTORY = "sectors";
    static final String REVOCATION_FILE = "revoked.crl";
    /** Under exchange/: the pair the last renewal replaced. */
    static final String PREVIOUS_DIRECTORY = "previous";

    /** The hub renews its own exchange and signing certificates when they have less than this left. */
    static final Duration RENEW_OWN_BEFORE = Duration.ofDays(30);

    private final Path directory;
    private final X509Certificate ca;
    private final CertificateIssuer issuer; // null when the CA key is kept offline
    private final Clock clock;
    private final ConcurrentSkipListMap<String, Sector> sectors = new ConcurrentSkipListMap<>();
    private volatile KeyMaterial exchange;
    private volatile KeyMaterial hubSigner;
    private volatile ExchangeOpeners openers;
    private final RevocationFile revocations;

    /** @param stamp the version of {@code cert.pem} this was read from (null: not read from disk) */
    private record Sector(X509Certificate certificate, Optional<KeyMaterial> keyMaterial, FileStamp stamp) {
    }

    private HubPki(Path directory, X509Certificate ca, CertificateIssuer issuer, Clock clock) {
        this.directory = directory;
        this.ca = ca;
        this.issuer = issuer;
        this.clock = clock;
        this.revocations = new RevocationFile(directory.resolve(REVOCATION_FILE), ca);
    }

    /**
     * Loads the PKI under {@code pkiDir}, creating whatever is missing; certificate validity starts
     * at the current UTC time minus five minutes.
     *
     * @param sectorIds       the configured sectors; each gets a certificate if it has none yet
     * @param serverHostnames names (or IP literals) under which sector systems reach the exchange
     *                        port, besides localhost, 127.0.0.1 and ::1
     * @throws SecurityMisconfiguration RABT-S901 when files cannot be read or written, RABT-S902 when
     *                                  they do not fit together (the message says which and what to do)
     * @throws IllegalArgumentException when a sector id is not a lower-case path segment
     */
    public static HubPki loadOrCreate(Path pkiDir, Collection<String> sectorIds, Collection<String> serverHostnames) {
        return loadOrCreate(pkiDir, sectorIds, serverHostnames, Clock.systemUTC());
    }

    /** As {@link #loadOrCreate(Path, Collection, Collection)}, with the clock that dates new certificates. */
    public static HubPki loadOrCreate(Path pkiDir, Collection<String> sectorIds, Collection<String> serverHostnames,
            Clock clock) {
        Objects.requireNonNull(pkiDir, "pkiDir");
        Objects.requireNonNull(clock, "clock");
        sectorIds.forEach(HubPki::requireSectorId);
        for (String hostname : serverHostnames) {
            if (hostname == null || hostname.isBlank()) {
                throw new IllegalArgumentException("server hostnames must not be blank");
            }
        }
        HubPki pki = openCa(pkiDir, clock);
        pki.exchange = pki.loadOrIssueOwn(EXCHANGE_DIRECTORY, "exchange port TLS",
                material -> coversHostnames(material.certificate(), serverHostnames),
                () -> pki.requireIssuer("the exchange port's TLS certificate").exchange(serverHostnames));
        pki.publishHubCertificate();
        pki.hubSigner = pki.loadOrIssueOwn(HUB_DIRECTORY, "hub signing",
                material -> true,
                () -> pki.requireIssuer("the hub's signing certificate").hubSigner());
        pki.loadSectorsOnDisk();
        for (String sector : new TreeSet<>(sectorIds)) {
            if (!pki.sectors.containsKey(sector)) {
                pki.issueSectorCertificate(sector);
            }
        }
        return pki;
    }

    /**
     * Opens the PKI an earlier start of the hub created under {@code pkiDir}, creating and renewing
     * nothing: for the {@code pki} command line, which may run beside the hub.
     *
     * @throws SecurityMisconfiguration RABT-S901 when there is no PKI there, RABT-S902 when its files
     *                                  do not fit together
     */
    public static HubPki open(Path pkiDir) {
        Objects.requireNonNull(pkiDir, "pkiDir");
        if (!Files.exists(pkiDir.resolve(CA_CERTIFICATE_FILE))) {
            throw new SecurityMisconfiguration(SecurityError.PKI_STORAGE, "There is no hub PKI in " + pkiDir
                    + " (no " + CA_CERTIFICATE_FILE + "); start the hub once to create it, or name its data directory "
                    + "with --data-dir.");
        }
        HubPki pki = openCa(pkiDir, Clock.systemUTC());
        Path exchangeCertificate = pkiDir.resolve(EXCHANGE_DIRECTORY).resolve(CERTIFICATE_FILE);
        Path hubCertificate = pkiDir.resolve(HUB_DIRECTORY).resolve(CERTIFICATE_FILE);
        if (Files.exists(exchangeCertificate)) {
            pki.exchange = pki.loadIssued(exchangeCertificate, exchangeCertificate.resolveSibling(KEY_FILE));
        }
        if (Files.exists(hubCertificate)) {
            pki.hubSigner = pki.loadIssued(hubCertificate, hubCertificate.resolveSibling(KEY_FILE));
        }
        pki.loadSectorsOnDisk();
        return pki;
    }

    /** The CA certificate: what a sector system needs to trust the hub, and what the hub trusts. */
    public X509Certificate caCertificate() {
        return ca;
    }

    /** Key and chain of the exchange port's TLS server certificate. */
    public KeyMaterial exchangeKeyMaterial() {
        return exchange;
    }

    /**
     * The certificate sector systems seal AMQP cards for: the exchange port's (null only in a PKI
     * opened with {@link #open} that the hub never completed). Also in {@code hub.pem}.
     */
    public X509Certificate hubCertificate() {
        KeyMaterial current = exchange;
        return current == null ? null : current.certificate();
    }

    /** Key and chain with which the hub signs outbound cards and audit checkpoints. */
    public KeyMaterial hubSigner() {
        return hubSigner;
    }

    /** The registered certificate of {@code sector}, if it has one. */
    public Optional<X509Certificate> sectorCertificate(String sector) {
        return Optional.ofNullable(current(sector)).map(Sector::certificate);
    }

    /**
     * The key of {@code sector}, if this PKI still holds it: demo sector simulators sign with it.
     * Empty once an operator has handed {@code key.pem} to the sector and deleted it here.
     */
    public Optional<KeyMaterial> sectorKeyMaterial(String sector) {
        return Optional.ofNullable(current(sector)).flatMap(Sector::keyMaterial);
    }

    /** Every sector with a certificate in this PKI and its certificate, by sector id. */
    public SortedMap<String, X509Certificate> sectorCertificates() {
        SortedMap<String, X509Certificate> certificates = new TreeMap<>();
        for (String sector : sectors.keySet()) {
            certificates.put(sector, current(sector).certificate());
        }
        return Collections.unmodifiableSortedMap(certificates);
    }

    /**
     * The sectors with a certificate in this PKI: those configured, plus any enrolled earlier that
     * are no longer configured (their files are kept; the caller's configuration decides who is served).
     */
    public SortedSet<String> sectorIds() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(sectors.keySet()));
    }

    /** The directory holding {@code cert.pem} (and the demo {@code key.pem}) of {@code sector}. */
    public Path sectorDirectory(String sector) {
        return directory.resolve(SECTORS_DIRECTORY).resolve(requireSectorId(sector));
    }

    /** The PKI directory. */
    public Path directory() {
        return directory;
    }

    /**
     * Issues a new key and certificate for {@code sector} and stores them, replacing any it had
     * (renewal). A hub already running in another process sees the new certificate on its next start.
     *
     * @throws SecurityMisconfiguration RABT-S902 when the CA key is not in this PKI
     */
    public synchronized KeyMaterial issueSectorCertificate(String sector) {
        requireSectorId(sector);
        KeyMaterial material = requireIssuer("a certificate for sector " + sector).sector(sector);
        Path sectorDirectory = sectorDirectory(sector);
        AtomicFiles.writeSecret(sectorDirectory.resolve(KEY_FILE), Pem.toPem(material.key()));
        AtomicFiles.writePublic(sectorDirectory.resolve(CERTIFICATE_FILE), Pem.toPem(material.certificate()));
        sectors.put(sector, new Sector(material.certificate(), Optional.of(material),
                FileStamp.of(sectorDirectory.resolve(CERTIFICATE_FILE))));
        LOG.info("Issued certificate serial {} for sector {} in {}",
                material.certificate().getSerialNumber().toString(16), sector, sectorDirectory);
        return material;
    }

    /**
     * Enrols {@code sector}: issues it a new key and certificate and registers the certificate as
     * the sector's (the one it must sign with). The key is returned, not kept: it goes to the
     * sector system only. The previous certificate stays valid until it expires or is revoked
     * ({@link #revoke}), so the sector can switch over without downtime. Safe while a hub runs on
     * the same directory: the files are replaced atomically and the hub picks them up at its next use.
     *
     * @throws SecurityMisconfiguration RABT-S902 when the CA key is not in this PKI
     */
    public synchronized KeyMaterial enrolSector(String sector) {
        requireSectorId(sector);
        CertificateIssuer ca = requireIssuer("a certificate for sector " + sector);
        return PkiLock.holding(directory, () -> {
            KeyMaterial material = ca.sector(sector);
            Path sectorDirectory = sectorDirectory(sector);
            Path certificateFile = sectorDirectory.resolve(CERTIFICATE_FILE);
            // the old key goes first: a crash in between leaves the old certificate without a key
            // (consistent), never a new certificate beside a key that is not its own
            try {
                Files.deleteIfExists(sectorDirectory.resolve(KEY_FILE));
            } catch (IOException e) {
                throw new SecurityMisconfiguration(SecurityError.PKI_STORAGE, "Cannot delete "
                        + sectorDirectory.resolve(KEY_FILE) + " (" + e + "); check the PKI directory's permissions.", e);
            }
            AtomicFiles.writePublic(certificateFile, Pem.toPem(material.certificate()));
            sectors.put(sector, new Sector(material.certificate(), Optional.empty(), FileStamp.of(certificateFile)));
            LOG.info("Enrolled sector {}: certificate serial {}", sector, material.certificate().getSerialNumber().toString(16));
            return material;
        });
    }

    /**
     * Revokes the certificate currently registered for {@code sector} and returns it.
     *
     * @throws IllegalArgumentException when the sector has no certificate, or one the hub's CA did not
     *                                  issue (revoke that one at the CA that issued it)
     * @throws SecurityMisconfiguration RABT-S902 when the CA key is not in this PKI
     */
    public X509Certificate revokeSectorCertificate(String sector) {
        X509Certificate certificate = sectorCertificate(requireSectorId(sector)).orElseThrow(() ->
                new IllegalArgumentException("sector " + sector + " has no certificate in " + directory));
        if (!CryptoUtils.isIssuedBy(certificate, ca)) {
            throw new IllegalArgumentException("the certificate of sector " + sector + " (serial "
                    + certificate.getSerialNumber().toString(16) + ") was not issued by the hub's CA; "
                    + "revoke it at the CA that issued it");
        }
        revoke(certificate.getSerialNumber());
        return certificate;
    }

    /**
     * Adds the certificate {@code serial} of the hub's CA to the revocation list ({@code revoked.crl}),
     * replacing the file atomically: a running hub refuses it at its next handshake or signature.
     *
     * @throws SecurityMisconfiguration RABT-S902 when the CA key is not in this PKI
     */
    public synchronized void revoke(BigInteger serial) {
        Objects.requireNonNull(serial, "serial");
        CrlIssuer crls = new CrlIssuer(requireIssuer("a revocation list").ca(), clock);
        PkiLock.holding(directory, () -> {
            crls.revoke(revocationFile(), serial);
            return null;
        });
        LOG.info("Revoked certificate serial {} of the hub's CA", serial.toString(16));
    }

    /** The revocation list file of the hub's CA ({@code revoked.crl}; absent until the first revocation). */
    public Path revocationFile() {
        return directory.resolve(REVOCATION_FILE);
    }

    /** The revocation list as the running hub consults it: re-read whenever the file changes. */
    public RevocationFile revocations() {
        return revocations;
    }

    static String requireSectorId(String sector) {
        if (sector == null || !SECTOR_ID.matcher(sector).matches()) {
            throw new IllegalArgumentException("sector id '" + sector
                    + "' is not valid: use lower-case letters, digits and '-', starting with a letter");
        }
        return sector;
    }

    private static HubPki openCa(Path pkiDir, Clock clock) {
        Path caFile = pkiDir.resolve(CA_CERTIFICATE_FILE);
        Path caKeyFile = pkiDir.resolve(CA_KEY_FILE);
        if (!Files.exists(caFile)) {
            refuseOrphanCertificates(pkiDir);
            KeyMaterial ca = CertificateIssuer.createCa(clock);
            AtomicFiles.writeSecret(caKeyFile, Pem.toPem(ca.key()));
            AtomicFiles.writePublic(caFile, Pem.toPem(ca.certificate()));
            LOG.info("Created the hub CA in {} (demo PKI: the CA key is stored unencrypted)", pkiDir);
            return new HubPki(pkiDir, ca.certificate(), new CertificateIssuer(ca, clock), clock);
        }
        X509Certificate ca = Pem.readCertificate(caFile);
        if (ca.getBasicConstraints() < 0) {
            throw inconsistent(caFile + " is not a CA certificate (no basicConstraints CA:true); "
                    + "put the hub's CA certificate there");
        }
        if (!Files.exists(caKeyFile)) {
            LOG.info("No {} in {}: the CA key is offline, the hub issues no certificates", CA_KEY_FILE, pkiDir);
            return new HubPki(pkiDir, ca, null, clock);
        }
        PrivateKey caKey = Pem.readPrivateKey(caKeyFile);
        if (!CryptoUtils.isKeyPair(caKey, ca.getPublicKey())) {
            throw inconsistent(caKeyFile + " is not the key of " + caFile + "; restore the matching pair");
        }
        return new HubPki(pkiDir, ca, new CertificateIssuer(new KeyMaterial(caKey, ca, List.of(ca)), clock), clock);
    }

    /** Keeps {@code hub.pem} equal to the exchange certificate, which is renewed before it expires. */
    private void publishHubCertificate() {
        Path file = directory.resolve(HUB_CERTIFICATE_FILE);
        String pem = Pem.toPem(exchange.certificate());
        try {
            if (Files.exists(file) && Files.readString(file).equals(pem)) {
                return;
            }
        } catch (IOException unreadable) {
            // written anew below
        }
        AtomicFiles.writePublic(file, pem);
    }

    /** Without ca.pem, certificates already issued would be orphaned by a new CA: stop instead. */
    private static void refuseOrphanCertificates(Path pkiDir) {
        List<Path> issued = new ArrayList<>();
        for (String own : List.of(EXCHANGE_DIRECTORY, HUB_DIRECTORY)) {
            Path certificate = pkiDir.resolve(own).resolve(CERTIFICATE_FILE);
            if (Files.exists(certificate)) {
                issued.add(certificate);
            }
        }
        for (Path sectorDirectory : sectorDirectories(pkiDir)) {
            Path certificate = sectorDirectory.resolve(CERTIFICATE_FILE);
            if (Files.exists(certificate)) {
                issued.add(certificate);
            }
        }
        if (!issued.isEmpty()) {
            throw inconsistent(pkiDir.resolve(CA_CERTIFICATE_FILE) + " is missing but certificates issued by it exist "
                    + issued + "; restore ca.pem and ca-key.pem, or remove the whole PKI directory to start a new demo PKI");
        }
    }

    /** The hub's own key pairs are renewed freely: nobody but the hub holds their keys. */
    private KeyMaterial loadOrIssueOwn(String subdirectory, String what, Predicate<KeyMaterial> fits,
            Supplier<KeyMaterial> issue) {
        Path certificateFile = directory.resolve(subdirectory).resolve(CERTIFICATE_FILE);
        Path keyFile = directory.resolve(subdirectory).resolve(KEY_FILE);
        if (Files.exists(certificateFile) && Files.exists(keyFile)) {
            KeyMaterial loaded = loadIssued(certificateFile, keyFile);
            Instant renewFrom = loaded.certificate().getNotAfter().toInstant().minus(RENEW_OWN_BEFORE);
            if (fits.test(loaded) && clock.instant().isBefore(renewFrom)) {
                return loaded;
            }
            LOG.info("Renewing the {} certificate in {} (expiring or no longer matching the configuration)",
                    what, certificateFile.getParent());
            if (EXCHANGE_DIRECTORY.equals(subdirectory)) {
                // only sector systems' envelopes need the old key; the old signing key is kept nowhere
                keepAsPrevious(loaded, directory.resolve(subdirectory).resolve(PREVIOUS_DIRECTORY));
            }
        }
        KeyMaterial issued = issue.get();
        AtomicFiles.writeSecret(keyFile, Pem.toPem(issued.key()));
        AtomicFiles.writePublic(certificateFile, Pem.toPem(issued.certificate()));
        return issued;
    }

    /**
     * The pair a renewal replaces, kept beside the new one: what was sealed for the old certificate
     * while the renewal happened (an AMQP card waiting in the broker) still opens.
     */
    private static void keepAsPrevious(KeyMaterial replaced, Path previousDirectory) {
        AtomicFiles.writeSecret(previousDirectory.resolve(KEY_FILE), Pem.toPem(replaced.key()));
        AtomicFiles.writePublic(previousDirectory.resolve(CERTIFICATE_FILE), Pem.toPem(replaced.certificate()));
    }

    /**
     * The keys that open what sector systems seal for {@code hub.pem}: the exchange port's current
     * pair as it is on disk now, then the one its last renewal replaced while that has not expired.
     * Read again whenever {@code exchange/cert.pem} changes, so that a node started before another
     * node renewed the certificate opens what is sealed for the new one without a restart.
     */
    public List<KeyMaterial> exchangeOpeners() {
        ExchangeOpeners known = openers;
        try {
            Path certificateFile = directory.resolve(EXCHANGE_DIRECTORY).resolve(CERTIFICATE_FILE);
            FileStamp stamp = FileStamp.of(certificateFile);
            if (known == null || !Objects.equals(known.stamp(), stamp)) {
                known = readOpeners(certificateFile, stamp);
                openers = known;
            }
        } catch (RuntimeException unreadable) {
            // a passing read problem (a network file system's hiccup) must not refuse cards the keys
            // already read would open: keep them, and read again at the next card
            LOG.warn("Cannot read the exchange key pair again ({}); opening with the keys read before", unreadable.toString());
            if (known == null) {
                known = new ExchangeOpeners(null, List.of(exchange));
            }
        }
        Instant now = clock.instant();
        List<KeyMaterial> valid = new ArrayList<>();
        for (KeyMaterial key : known.keys()) {
            // the current pair always; a replaced one until it expires
            if (valid.isEmpty() || now.isBefore(key.certificate().getNotAfter().toInstant())) {
                valid.add(key);
            }
        }
        return valid;
    }

    /**
     * The current pair on disk, the pair its last renewal replaced, and the pair this process
     * started with when it is neither (renewed twice, or by a node with other host names, while
     * this one ran).
     */
    private ExchangeOpeners readOpeners(Path certificateFile, FileStamp stamp) {
        List<KeyMaterial> keys = new ArrayList<>();
        keys.add(stamp == null ? exchange : loadIssued(certificateFile, certificateFile.resolveSibling(KEY_FILE)));
        Path previous = directory.resolve(EXCHANGE_DIRECTORY).resolve(PREVIOUS_DIRECTORY);
        try {
            if (Files.exists(previous.resolve(CERTIFICATE_FILE)) && Files.exists(previous.resolve(KEY_FILE))) {
                addIfNew(keys, loadIssued(previous.resolve(CERTIFICATE_FILE), previous.resolve(KEY_FILE)));
            }
        } catch (RuntimeException damaged) {
            LOG.warn("Cannot read the replaced exchange pair in {} ({}); cards sealed for it are refused",
                    previous, damaged.toString());
        }
        if (exchange != null) {
            addIfNew(keys, exchange);
        }
        return new ExchangeOpeners(stamp, List.copyOf(keys));
    }

    private static void addIfNew(List<KeyMaterial> keys, KeyMaterial candidate) {
        if (keys.stream().noneMatch(key -> key.certificate().equals(candidate.certificate()))) {
            keys.add(candidate);
        }
    }

    private record ExchangeOpeners(FileStamp stamp, List<KeyMaterial> keys) {
    }

    private KeyMaterial loadIssued(Path certificateFile, Path keyFile) {
        X509Certificate certificate = loadIssuedCertificate(certificateFile);
        PrivateKey key = Pem.readPrivateKey(keyFile);
        if (!CryptoUtils.isKeyPair(key, certificate.getPublicKey())) {
            throw inconsistent(keyFile + " is not the key of " + certificateFile
                    + "; restore the matching pair, or delete both files to have them issued anew");
        }
        return new KeyMaterial(key, certificate, List.of(certificate, ca));
    }

    private X509Certificate loadIssuedCertificate(Path certificateFile) {
        X509Certificate certificate = Pem.readCertificate(certificateFile);
        if (!CryptoUtils.isIssuedBy(certificate, ca)) {
            throw inconsistent(certificateFile + " was not issued by " + directory.resolve(CA_CERTIFICATE_FILE)
                    + "; restore the CA it came from, or delete the file to have it issued anew");
        }
        return certificate;
    }

    private void loadSectorsOnDisk() {
        for (Path sectorDirectory : sectorDirectories(directory)) {
            String sector = sectorDirectory.getFileName().toString();
            Path certificateFile = sectorDirectory.resolve(CERTIFICATE_FILE);
            Path keyFile = sectorDirectory.resolve(KEY_FILE);
            if (!SECTOR_ID.matcher(sector).matches()) {
                LOG.warn("Ignoring {}: '{}' is not a valid sector id", sectorDirectory, sector);
            } else if (Files.exists(certificateFile) && Files.exists(keyFile)) {
                FileStamp stamp = FileStamp.of(certificateFile);
                KeyMaterial material = loadIssued(certificateFile, keyFile);
                sectors.put(sector, new Sector(material.certificate(), Optional.of(material), stamp));
            } else if (Files.exists(certificateFile)) {
                FileStamp stamp = FileStamp.of(certificateFile);
                sectors.put(sector, new Sector(loadIssuedCertificate(certificateFile), Optional.empty(), stamp));
            }
        }
    }

    /**
     * The sector's entry, read again when its {@code cert.pem} was replaced since (an enrolment by
     * another process). A key is kept only if the one on disk still matches.
     */
    private Sector current(String sector) {
        Sector known = sectors.get(sector);
        if (known == null) {
            return null;
        }
        Path certificateFile = sectorDirectory(sector).resolve(CERTIFICATE_FILE);
        FileStamp stamp = FileStamp.of(certificateFile);
        if (stamp == null || stamp.equals(known.stamp())) {
            return known;
        }
        X509Certificate certificate = loadIssuedCertificate(certificateFile);
        Optional<KeyMaterial> key = Optional.empty();
        Path keyFile = certificateFile.resolveSibling(KEY_FILE);
        if (Files.exists(keyFile)) {
            PrivateKey privateKey = Pem.readPrivateKey(keyFile);
            if (CryptoUtils.isKeyPair(privateKey, certificate.getPublicKey())) {
                key = Optional.of(new KeyMaterial(privateKey, certificate, List.of(certificate, ca)));
            }
        }
        Sector reloaded = new Sector(certificate, key, stamp);
        sectors.put(sector, reloaded);
        if (!certificate.equals(known.certificate())) {
            LOG.info("Sector {} has a new certificate on disk: serial {}", sector, certificate.getSerialNumber().toString(16));
        }
        return reloaded;
    }

    private static List<Path> sectorDirectories(Path pkiDir) {
        Path sectorsDirectory = pkiDir.resolve(SECTORS_DIRECTORY);
        if (!Files.isDirectory(sectorsDirectory)) {
            return List.of();
        }
        List<Path> directories = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(sectorsDirectory, Files::isDirectory)) {
            entries.forEach(directories::add);
        } catch (IOException e) {
            throw new SecurityMisconfiguration(SecurityError.PKI_STORAGE, "Cannot list " + sectorsDirectory
                    + " (" + e + "); check that it is readable by the hub.", e);
        }
        directories.sort(null);
        return directories;
    }

    private CertificateIssuer requireIssuer(String what) {
        if (issuer == null) {
            throw inconsistent("Cannot issue " + what + ": " + directory.resolve(CA_KEY_FILE)
                    + " is missing; issue it where the CA key is kept, or put the CA key back");
        }
        return issuer;
    }

    /** Whether the certificate's SANs name localhost, the loopback addresses and every configured hostname. */
    static boolean coversHostnames(X509Certificate certificate, Collection<String> hostnames) {
        Set<String> dnsNames = new HashSet<>();
        Set<InetAddress> addresses = new HashSet<>();
        try {
            Collection<List<?>> alternativeNames = certificate.getSubjectAlternativeNames();
            if (alternativeNames == null) {
                return false;
            }
            for (List<?> name : alternativeNames) {
                int type = (Integer) name.get(0);
                if (type == 2) {
                    dnsNames.add(((String) name.get(1)).toLowerCase(Locale.ROOT));
                } else if (type == 7) {
                    addresses.add(ipLiteral((String) name.get(1)));
                }
            }
            for (String wanted : CertificateIssuer.wantedNames(hostnames)) {
                boolean covered = IPAddress.isValid(wanted)
                        ? addresses.contains(ipLiteral(wanted))
                        : dnsNames.contains(wanted);
                if (!covered) {
                    return false;
                }
            }
            return true;
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    /** Only ever called with IP literals, so no name is looked up. */
    private static InetAddress ipLiteral(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + literal, e);
        }
    }

    private static SecurityMisconfiguration inconsistent(String detail) {
        return new SecurityMisconfiguration(SecurityError.PKI_INCONSISTENT, detail + ".");
    }
}
