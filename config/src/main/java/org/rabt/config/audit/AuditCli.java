package org.rabt.config.audit;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.rabt.security.audit.AuditVerification;

/**
 * {@code java -jar rabt.jar audit verify FILE}: checks an audit export offline, without the hub
 * or its database. Exits 0 when intact, 1 naming the first broken entry and how, 2 on misuse.
 */
public final class AuditCli {

    private AuditCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3 || !"verify".equals(args[1])) {
            err.println("usage: java -jar rabt.jar audit verify FILE");
            return 2;
        }
        Path file = Path.of(args[2]);
        if (!Files.isRegularFile(file)) {
            err.println("no such file: " + file);
            return 2;
        }
        AuditExport export;
        try {
            export = AuditExport.read(file);
        } catch (RuntimeException unreadable) {
            err.println("BROKEN: the file is not an audit export: " + unreadable.getMessage());
            return 1;
        }
        if (!AuditExport.FORMAT.equals(export.format())) {
            err.println("BROKEN: unknown format " + export.format() + " (expected " + AuditExport.FORMAT + ")");
            return 1;
        }
        AuditVerification result = export.verify();
        out.println("entries " + export.fromSeq() + " to " + export.toSeq() + " (" + result.entries() + "), checkpoints "
                + result.checkpoints() + ", hub CA SHA-256 fingerprint " + fingerprint(export));
        if (!result.intact()) {
            err.println("BROKEN: " + result.problem());
            return 1;
        }
        if (result.entries() != export.toSeq() - export.fromSeq() + 1) {
            err.println("BROKEN: the export says entries " + export.fromSeq() + " to " + export.toSeq() + " but holds "
                    + result.entries());
            return 1;
        }
        out.println("INTACT");
        return 0;
    }

    private static String fingerprint(AuditExport export) {
        try {
            return HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-256").digest(export.ca().getEncoded()));
        } catch (Exception e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }
}
