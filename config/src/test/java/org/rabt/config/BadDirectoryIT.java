package org.rabt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.config.directory.InvalidDirectoryException;
import org.rabt.mappings.MappingException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The hub refuses to start on a directory file that breaks its schema, and tells the operator why. */
@ExtendWith(OutputCaptureExtension.class)
class BadDirectoryIT {

    @TempDir
    Path dataDir;

    @Test
    void aDirectoryThatBreaksItsSchemaStopsTheStartWithAClearMessage(CapturedOutput output) throws IOException {
        Path file = dataDir.resolve("directory.json");
        Files.writeString(file, "{\"validFrom\": \"2026-12-01\", \"organisations\": []}");
        String location = "file:" + file;

        // closed at once should it start after all, so that a failing test leaves no hub running
        Throwable failure = catchThrowable(() -> SpringApplication.run(RabtApplication.class,
                "--rabt.directory.location=" + location,
                "--rabt.data-dir=" + dataDir,
                "--server.port=0",
                "--rabt.exchange.port=0",
                "--rabt.exchange.address=127.0.0.1").close());

        assertThat(failure).as("the start failed")
                .hasRootCauseInstanceOf(MappingException.class)
                .satisfies(e -> assertThat(causes(e)).anySatisfy(
                        cause -> assertThat(cause).isInstanceOf(InvalidDirectoryException.class)));

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("The directory of services at " + location + " cannot be used: RABT-M007")
                .contains("docs/directory.md");
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
