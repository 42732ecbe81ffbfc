package org.rabt.caserecord.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    @Test
    void monthsHalvesAndYearsWithThePeriodBefore() {
        ReportPeriod month = ReportPeriod.parse("2026-01");
        assertThat(month.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(month.to()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(month.previous().label()).isEqualTo("2025-12");

        ReportPeriod h2 = ReportPeriod.parse("2026-H2");
        assertThat(h2.from()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(h2.to()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(h2.previous().label()).isEqualTo("2026-H1");
        assertThat(ReportPeriod.parse("2026-H1").previous().label()).isEqualTo("2025-H2");

        ReportPeriod year = ReportPeriod.parse("2026");
        assertThat(year.to()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(year.previous().label()).isEqualTo("2025");
    }

    @Test
    void anythingElseIsNoPeriod() {
        assertThat(ReportPeriod.parse("2026-13")).isNull();
        assertThat(ReportPeriod.parse("2026-H3")).isNull();
        assertThat(ReportPeriod.parse("26")).isNull();
        assertThat(ReportPeriod.parse("2026-Q1")).isNull();
        assertThat(ReportPeriod.parse(null)).isNull();
    }
}
