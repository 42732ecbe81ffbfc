package org.rabt.config.reports;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The national level's settings ({@code rabt.reports.national.*}, docs/reports.md).
 *
 * @param trustedCaFiles     PEM files of the provincial hubs' CAs whose signed reports are imported;
 *                           empty: this hub's own CA only (one hub that is its own national level, tests)
 * @param expectedProvinces  the provinces expected to report (ISO 3166-2:MA codes), so that the
 *                           national report names those still missing; empty: none is expected
 */
@ConfigurationProperties("rabt.reports.national")
public record NationalReportsProperties(List<Path> trustedCaFiles, List<String> expectedProvinces) {

    public NationalReportsProperties {
        trustedCaFiles = trustedCaFiles == null ? List.of() : List.copyOf(trustedCaFiles);
        expectedProvinces = expectedProvinces == null ? List.of() : List.copyOf(expectedProvinces);
    }
}
