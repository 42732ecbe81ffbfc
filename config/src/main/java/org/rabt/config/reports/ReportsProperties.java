package org.rabt.config.reports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reports' settings ({@code rabt.reports.*}).
 *
 * @param province the ISO 3166-2:MA code of the province this hub serves (e.g. {@code MA-TNG}):
 *                 named in every report and required to export one for the national level
 */
@ConfigurationProperties("rabt.reports")
public record ReportsProperties(String province) {
}
