package org.rabt.config.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
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
        assertThat(dir.resolve("data/db/PG_VERSION")).hasContent("14");
        // written again at once: an install that fails from here on can be run again
        assertThat(dir.resolve(InstallCli.MARKER)).isRegularFile();
    }

    @Test
    void anInstallThatFailedHalfWayCanBeRunAgain() throws Exception {
        assertThat(InstallCli.prepare(dir)).isNull();
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve(InstallCli.LOG), "Unpacking failed");
        Files.createDirectories(dir.resolve(".training-123/db"));

        assertThat(InstallCli.prepare(dir)).isNull();
        assertThat(dir.resolve("lib")).doesNotExist();
        assertThat(dir.resolve(".training-123")).doesNotExist();
    }

    @Test
    void aSymbolicLinkInsideIsRemovedNotFollowed() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("keep.jar"), "kept");
        Path app = dir.resolve("app");
        InstallCli.prepare(app);
        Files.createSymbolicLink(app.resolve("lib"), elsewhere);

        assertThat(InstallCli.prepare(app)).isNull();
        assertThat(app.resolve("lib")).doesNotExist();
        assertThat(elsewhere.resolve("keep.jar")).hasContent("kept");
    }

    @Test
    void theJarItRunsFromMustNotLieInTheDirectoryItReplaces() throws Exception {
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("rabt.jar"), "jar");
        Files.writeString(dir.resolve("rabt-1.1.jar"), "jar");
        Path linked = Files.createSymbolicLink(dir.resolve("current"), app);

        assertThat(InstallCli.isInside(app.resolve("rabt.jar"), app)).isTrue();
        assertThat(InstallCli.isInside(app.resolve("rabt.jar"), linked)).isTrue();
        assertThat(InstallCli.isInside(dir.resolve("rabt-1.1.jar"), app)).isFalse();
        assertThat(InstallCli.isInside(dir.resolve("rabt-1.1.jar"), dir.resolve("new"))).isFalse();
    }

    @Test
    void onlyAFatJarIsAReleaseJar() throws Exception {
        Path release = dir.resolve("release.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(release))) {
            jar.putNextEntry(new JarEntry("BOOT-INF/lib/spring-core.jar"));
            jar.closeEntry();
        }
        Path thin = dir.resolve("thin.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(thin))) {
            jar.putNextEntry(new JarEntry("org/rabt/config/RabtApplication.class"));
            jar.closeEntry();
        }
        Files.writeString(dir.resolve("text.jar"), "not a zip");

        assertThat(InstallCli.isReleaseJar(release)).isTrue();
        assertThat(InstallCli.isReleaseJar(thin)).isFalse();
        assertThat(InstallCli.isReleaseJar(dir.resolve("text.jar"))).isFalse();
        assertThat(InstallCli.isReleaseJar(dir.resolve("missing.jar"))).isFalse();
    }

    @Test
    void theTrainingStartGetsNoneOfTheOperatorsSettingsNorAgents() {
        Map<String, String> environment = new HashMap<>(Map.of("PATH", "/usr/bin", "JAVA_TOOL_OPTIONS",
                "-javaagent:/opt/apm/agent.jar", "JDK_JAVA_OPTIONS", "-Dspring.profiles.active=production",
                "_JAVA_OPTIONS", "-Xmx4g", "SPRING_PROFILES_ACTIVE", "production", "RABT_DATA_DIR", "/srv/rabt"));

        InstallCli.clearOperatorSettings(environment);

        assertThat(environment).containsOnlyKeys("PATH");
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

    /** A postmaster.pid left behind names a pid the system may have given to another process since. */
    @Test
    void aLeftPostmasterPidIsTrustedOnlyForAPostgresStartedWhenItSays() {
        ProcessHandle self = ProcessHandle.current();
        String started = String.valueOf(self.info().startInstant().orElseThrow().getEpochSecond());

        assertThat(InstallCli.isThatPostmaster(self, List.of(String.valueOf(self.pid()), "/tmp/x/db", started)))
                .as("this JVM is no PostgreSQL").isFalse();
        assertThat(InstallCli.isThatPostmaster(self, List.of(String.valueOf(self.pid())))).isFalse();
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
