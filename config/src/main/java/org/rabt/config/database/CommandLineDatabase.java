package org.rabt.config.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.rabt.config.HubProperties;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The hub's database as a command-line tool reaches it, configured exactly as the hub is: the
 * tool's {@code --name=value} arguments, the environment ({@code SPRING_PROFILES_ACTIVE},
 * {@code SPRING_DATASOURCE_URL}, ...), {@code application.yaml} and the active profile's file.
 * On the embedded default ({@code rabt.database.embedded=true}) that is PostgreSQL on
 * {@code DATA/db}: the hub's running server when there is one, or else started as
 * {@link OfflineDatabase} does. With {@code rabt.database.embedded=false} (the production profile)
 * it is {@code spring.datasource.url}, {@code username} and {@code password}; the tool never
 * migrates that database, the hub nodes do.
 */
public final class CommandLineDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final Closeable owner;
    private final String description;

    private CommandLineDatabase(DataSource dataSource, Closeable owner, String description) {
        this.dataSource = dataSource;
        this.owner = owner;
        this.description = description;
    }

    /**
     * Reads the hub's settings: {@code dataDir} overrides {@code rabt.data-dir} when not null;
     * {@code arguments} of the form {@code --name=value} are read as the hub reads its own.
     */
    public static Settings settings(Path dataDir, List<String> arguments) {
        Binder binder = Binder.get(hubSettings(arguments));
        Path data = dataDir != null ? dataDir : binder.bindOrCreate("rabt", HubProperties.class).dataDir();
        return new Settings(data, binder.bindOrCreate("rabt.database", DatabaseProperties.class),
                binder.bindOrCreate("spring.datasource", DataSourceProperties.class));
    }

    /** The hub's settings for its data directory and database, before anything is opened. */
    public record Settings(Path dataDir, DatabaseProperties database, DataSourceProperties external) {

        /** Opens the database these settings name. */
        public CommandLineDatabase open() throws IOException {
            if (!database.embedded()) {
                if (external.getUrl() == null) {
                    throw new IOException("rabt.database.embedded is false but spring.datasource.url is not set: give "
                            + "the tool the settings the hub nodes run with (e.g. SPRING_DATASOURCE_URL, or "
                            + "--spring.profiles.active=production with the datasource settings)");
                }
                HikariDataSource pool = DataSourceBuilder.create().type(HikariDataSource.class).url(external.getUrl())
                        .username(external.getUsername()).password(external.getPassword()).build();
                pool.setPoolName("rabt-cli");
                pool.setMaximumPoolSize(2);
                // the report names the database without the URL's parameters, which may carry a password
                return new CommandLineDatabase(pool, pool, external.getUrl().replaceFirst("\\?.*$", ""));
            }
            Path directory = dataDir.resolve("db").toAbsolutePath();
            Integer port = runningPort(directory);
            if (port != null) {
                // the hub (or one it left behind) runs the server: share it rather than stop it
                HikariDataSource pool = DataSourceBuilder.create().type(HikariDataSource.class)
                        .url("jdbc:postgresql://127.0.0.1:" + port + "/postgres").username("postgres").build();
                pool.setPoolName("rabt-cli");
                pool.setMaximumPoolSize(2);
                return new CommandLineDatabase(pool, pool, "the hub's embedded database on " + directory);
            }
            OfflineDatabase offline = OfflineDatabase.open(dataDir);
            return new CommandLineDatabase(offline.dataSource(), offline::close, "the embedded database on " + directory);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Which database this is, for the tool's report (a URL without its parameters, or a directory). */
    public String description() {
        return description;
    }

    @Override
    public void close() throws IOException {
        owner.close();
    }

    /** The port of the PostgreSQL server running on this directory (line 4 of postmaster.pid), or null. */
    private static Integer runningPort(Path directory) throws IOException {
        if (OrphanedPostgres.running(directory).isEmpty()) {
            return null;
        }
        List<String> lines = Files.readAllLines(directory.resolve("postmaster.pid"));
        if (lines.size() < 4 || !lines.get(3).trim().matches("\\d+")) {
            throw new IOException("a PostgreSQL server runs on " + directory + " but its postmaster.pid names no port");
        }
        return Integer.valueOf(lines.get(3).trim());
    }

    /** The settings the hub would start with, given the same arguments and environment; no bean is created. */
    private static ConfigurableEnvironment hubSettings(List<String> settings) {
        SpringApplication application = new SpringApplication(NoBeans.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setDefaultProperties(Map.of("logging.level.root", "warn"));
        String[] args = settings.stream().filter(arg -> arg.startsWith("--") && arg.contains("="))
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = application.run(args)) {
            return context.getEnvironment();
        }
    }

    /** The application's only source: not a configuration, so the hub's component scan ignores it too. */
    static final class NoBeans {
    }
}
