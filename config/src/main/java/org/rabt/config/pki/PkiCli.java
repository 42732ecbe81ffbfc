package org.rabt.config.pki;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.security.KeyMaterial;
import org.rabt.security.Pem;
import org.rabt.security.SecurityMisconfiguration;
import org.rabt.security.pki.HubPki;

/**
 * {@code java -jar rabt.jar pki enrol|revoke ...}: the operator's PKI commands. They work on the
 * files under the data directory without starting the hub, and may run while it runs: every file
 * is replaced atomically, and the hub reads the changed files at its next handshake or signature.
 * Exits 0 on success, 1 when the PKI refuses, 2 on misuse.
 */
public final class PkiCli {

    static final String USAGE = """
            usage: java -jar rabt.jar pki enrol --sector SECTOR --out DIR [--data-dir DIR]
                   java -jar rabt.jar pki revoke --sector SECTOR [--serial HEX] [--data-dir DIR]
              enrol   issues SECTOR a new key and certificate from the hub's CA, writes key.pem, cert.pem,
                      ca.pem and hub.pem (what AMQP cards are sealed for) to --out, and registers the
                      certificate as SECTOR's
              revoke  revokes SECTOR's registered certificate (or the certificate --serial of the hub's CA):
                      the hub refuses it from its next TLS handshake and signature on
              --data-dir  the hub's data directory (default ./data)""";

    /** The sector systems outside the hub: the hub does not enrol its own case record. */
    static final Set<String> SECTORS = EnumSet.complementOf(EnumSet.of(SectorId.CENTRE)).stream()
            .map(SectorId::code).collect(Collectors.toCollection(TreeSet::new));

    private PkiCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !"pki".equals(args[0])) {
            err.println(USAGE);
            return 2;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 2; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.println("unexpected argument " + args[i] + "\n" + USAGE);
                return 2;
            }
            options.put(args[i], args[i + 1]);
        }
        String sector = options.remove("--sector");
        if (sector == null || !SECTORS.contains(sector)) {
            err.println("--sector must be one of " + SECTORS + "\n" + USAGE);
            return 2;
        }
        Path pkiDir = Path.of(options.getOrDefault("--data-dir", "./data")).resolve("pki");
        options.remove("--data-dir");
        try {
            return switch (args[1]) {
                case "enrol" -> enrol(sector, options, pkiDir, out, err);
                case "revoke" -> revoke(sector, options, pkiDir, out, err);
                default -> {
                    err.println("unknown pki command " + args[1] + "\n" + USAGE);
                    yield 2;
                }
            };
        } catch (SecurityMisconfiguration | IllegalArgumentException refused) {
            err.println("REFUSED: " + refused.getMessage());
            return 1;
        }
    }

    private static int enrol(String sector, Map<String, String> options, Path pkiDir, PrintStream out, PrintStream err) {
        String outOption = options.remove("--out");
        if (outOption == null || !options.isEmpty()) {
            err.println((outOption == null ? "--out DIR is required" : "unknown options " + options.keySet()) + "\n" + USAGE);
            return 2;
        }
        Path outDir = Path.of(outOption);
        if (Files.exists(outDir.resolve("key.pem"))) {
            err.println(outDir.resolve("key.pem") + " exists: choose an empty directory, a key is never overwritten");
            return 2;
        }
        try {
            Files.createDirectories(outDir);
        } catch (java.io.IOException e) {
            err.println("cannot create " + outDir + " (" + e + ")");
            return 2;
        }
        if (!Files.isWritable(outDir)) {
            err.println(outDir + " is not writable");
            return 2;
        }
        HubPki pki = HubPki.open(pkiDir);
        KeyMaterial enrolled = pki.enrolSector(sector);
        SectorFiles.write(outDir, enrolled, pki.caCertificate(), pki.hubCertificate());
        out.println("enrolled " + sector + ": certificate serial " + enrolled.certificate().getSerialNumber().toString(16)
                + ", valid until " + enrolled.certificate().getNotAfter().toInstant() + ", SHA-256 " + fingerprint(enrolled.certificate()));
        out.println("wrote " + outDir.resolve("key.pem") + " (give it to the " + sector + " system only), "
                + outDir.resolve("cert.pem") + ", " + outDir.resolve("ca.pem")
                + (pki.hubCertificate() == null ? "" : ", " + outDir.resolve(HubPki.HUB_CERTIFICATE_FILE)));
        return 0;
    }

    private static int revoke(String sector, Map<String, String> options, Path pkiDir, PrintStream out, PrintStream err) {
        String serial = options.remove("--serial");
        if (!options.isEmpty()) {
            err.println("unknown options " + options.keySet() + "\n" + USAGE);
            return 2;
        }
        HubPki pki = HubPki.open(pkiDir);
        if (serial != null) {
            java.math.BigInteger number;
            try {
                number = new java.math.BigInteger(serial, 16);
            } catch (NumberFormatException e) {
                err.println("--serial must be hexadecimal, as openssl x509 -serial prints it");
                return 2;
            }
            pki.revoke(number);
            out.println("revoked certificate serial " + number.toString(16) + " (sector " + sector + ") in "
                    + pki.revocationFile());
            return 0;
        }
        X509Certificate revoked = pki.revokeSectorCertificate(sector);
        out.println("revoked " + sector + "'s certificate serial " + revoked.getSerialNumber().toString(16) + " in "
                + pki.revocationFile() + "; enrol the sector anew to let it connect again");
        return 0;
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "unavailable (" + e.getMessage() + ")";
        }
    }

    /**
     * Writes what a sector system needs: its key (owner-only), its certificate, the hub's CA, and the
     * hub's certificate it seals AMQP cards for (absent only if the hub never started on this PKI).
     */
    static final class SectorFiles {

        private SectorFiles() {
        }

        static void write(Path outDir, KeyMaterial enrolled, X509Certificate ca, X509Certificate hub) {
            try {
                Files.createDirectories(outDir);
                Path key = outDir.resolve("key.pem");
                Files.createFile(key, posixOwnerOnly(outDir));
                Files.writeString(key, Pem.toPem(enrolled.key()));
                Files.writeString(outDir.resolve("cert.pem"), Pem.toPem(enrolled.certificate()));
                Files.writeString(outDir.resolve("ca.pem"), Pem.toPem(ca));
                if (hub != null) {
                    Files.writeString(outDir.resolve(HubPki.HUB_CERTIFICATE_FILE), Pem.toPem(hub));
                }
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot write to " + outDir + " (" + e + "); the certificate is "
                        + "registered already: enrol again into a writable directory", e);
            }
        }

        private static java.nio.file.attribute.FileAttribute<?>[] posixOwnerOnly(Path directory) throws java.io.IOException {
            if (Files.getFileStore(directory).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
                return new java.nio.file.attribute.FileAttribute<?>[] {java.nio.file.attribute.PosixFilePermissions
                        .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))};
            }
            return new java.nio.file.attribute.FileAttribute<?>[0];
        }
    }
}
