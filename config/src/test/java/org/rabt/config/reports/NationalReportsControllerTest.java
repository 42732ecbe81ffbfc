package org.rabt.config.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rabt.caserecord.reports.Reports;

/** A report leaves for the national level only with the province it is of. */
class NationalReportsControllerTest {

    @Test
    void aHubThatNamesNoProvinceRefusesToExport() {
        NationalReportsController controller = new NationalReportsController(new Reports(null, Clock.systemUTC(), null),
                null, new NationalReportsProperties(List.of(), List.of()), null, null, Clock.systemUTC());

        assertThatThrownBy(() -> controller.export("2026-H2", null)).isInstanceOfSatisfying(ReportRefused.class,
                refused -> {
                    assertThat(refused.problem()).isEqualTo(ReportProblem.NO_PROVINCE);
                    assertThat(refused.getMessage()).contains("rabt.reports.province");
                });
    }
}
