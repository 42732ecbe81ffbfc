package org.rabt.config.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The openssl command line, as a sector's engineer would use it to check the hub's signatures. */
public final class Openssl {

    private Openssl() {
    }

    /**
     * Runs {@code openssl cms -verify -binary -inform DER -in SIG -content BODY -CAfile CA -out /dev/null}
     * and returns its exit code and output.
     */
    public static Result verifyDetached(byte[] body, byte[] signatureDer, Path caFile) {
        try {
            Path dir = Files.createTempDirectory("rabt-openssl-");
            Path bodyFile = Files.write(dir.resolve("body"), body);
            Path signatureFile = Files.write(dir.resolve("signature.der"), signatureDer);
            Process process = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER",
                    "-in", signatureFile.toString(), "-content", bodyFile.toString(),
                    "-CAfile", caFile.toString(), "-out", "/dev/null")
                    .redirectErrorStream(true)
                    .start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl did not finish in 30 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Result(int exitCode, String output) {
    }
}
