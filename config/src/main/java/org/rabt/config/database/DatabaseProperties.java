package org.rabt.config.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The case record's database ({@code rabt.database.*}).
 *
 * @param embedded run PostgreSQL inside the hub's data directory ({@code DATA/db}); set false in
 *                 production and give {@code spring.datasource.url}, {@code username} and {@code password}
 * @param port     the embedded server's port on 127.0.0.1; 0 picks a free one
 */
@ConfigurationProperties("rabt.database")
public record DatabaseProperties(@DefaultValue("true") boolean embedded, @DefaultValue("0") int port) {
}
