package org.rabt.config.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallCliTest {

    @TempDir
    Path dir;

    @Test
    void refusesADirectoryItDidNotMakeAndTouchesNothingInIt() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "the operator's");
        Files.createDirectories(dir.resolve("lib"));

        assertThat(InstallCli.prepare(dir)).contains("not empty and was not made by install");
        assertThat(dir.resolve("notes.txt")).hasContent("the operator's");
        assertThat(dir.resolve("lib")).isDirectory();
    }

    @Test
    void overAnEarlierInstallRemovesOnlyWhatThatInstallWrote() throws Exception {
        Files.writeString(dir.resolve(InstallCli.MARKER), "made by install");
        Files.writeString(dir.resolve(InstallCli.JAR), "old jar");
        Files.writeString(dir.resolve(InstallCli.ARCHIVE), "old archive");
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/retired-library-1.0.jar"), "stale");
        Files.createDirectories(dir.resolve("data/db"));
        Files.writeString(dir.resolve("data/db/PG_VERSION"), "14");

        assertThat(InstallCli.prepare(dir)).isNull();

        assertThat(dir.resolve(InstallCli.JAR)).doesNotExist();
        assertThat(dir.resolve(InstallCli.ARCHIVE)).doesNotExist();
        assertThat(dir.resolve("lib")).doesNotExist();
        assertThat(dir.resolve(InstallCli.MARKER)).doesNotExist();
        assertThat(dir.resolve("data/db/PG_VERSION")).hasContent("14");
    }

    @Test
    void acceptsANewOrEmptyDirectory() throws Exception {
        assertThat(InstallCli.prepare(dir)).isNull();
        assertThat(InstallCli.prepare(dir.resolve("new/app"))).isNull();
        assertThat(dir.resolve("new/app")).isDirectory();
    }

    @Test
    void theTrainingStartStaysOnLoopbackOnFreePortsWithoutTheOperatorsData() {
        Path app = dir.resolve("app");
        Path training = app.resolve(".training-1");

        assertThat(InstallCli.trainingCommand("java", app, training))
                .contains("-XX:ArchiveClassesAtExit=" + app.resolve("rabt.jsa"), "--rabt.install.training=true",
                        "--rabt.data-dir=" + training, "--server.port=0", "--rabt.exchange.port=0", "--rabt.amqp.port=0",
                        "--rabt.exchange.address=127.0.0.1", "--rabt.demo-sectors=false")
                .containsSubsequence("-XX:ArchiveClassesAtExit=" + app.resolve("rabt.jsa"), "-jar", app.resolve("rabt.jar").toString());
    }

    @Test
    void misuseIsExplained() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = InstallCli.run(new String[] {"install"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar rabt.jar install <directory>");
    }
}
