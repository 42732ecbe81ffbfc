package org.rabt.caserecord.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a month ({@code 2026-11}), a half-year ({@code 2026-H1}, {@code 2026-H2})
 * or a year ({@code 2026}), from its first day to the day after its last ({@code to} exclusive),
 * in UTC days.
 */
public record ReportPeriod(String label, LocalDate from, LocalDate to) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /** The period a label names, or {@code null} when the label is none of the three forms. */
    public static ReportPeriod parse(String label) {
        if (label == null) {
            return null;
        }
        try {
            Matcher m = MONTH.matcher(label);
            if (m.matches()) {
                YearMonth month = YearMonth.parse(label);
                return new ReportPeriod(label, month.atDay(1), month.plusMonths(1).atDay(1));
            }
            m = HALF.matcher(label);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                LocalDate from = LocalDate.of(year, "1".equals(m.group(2)) ? 1 : 7, 1);
                return new ReportPeriod(label, from, from.plusMonths(6));
            }
            m = YEAR.matcher(label);
            if (m.matches()) {
                LocalDate from = LocalDate.of(Integer.parseInt(label), 1, 1);
                return new ReportPeriod(label, from, from.plusYears(1));
            }
        } catch (java.time.DateTimeException notADate) {
            return null;
        }
        return null;
    }

    /** The half-year {@code day} falls in. */
    public static ReportPeriod halfYearOf(LocalDate day) {
        return parse(day.getYear() + (day.getMonthValue() <= 6 ? "-H1" : "-H2"));
    }

    public boolean isMonth() {
        return MONTH.matcher(label).matches();
    }

    /** The period of the same kind just before this one (what a report puts beside it). */
    public ReportPeriod previous() {
        if (isMonth()) {
            YearMonth month = YearMonth.from(from).minusMonths(1);
            return parse(month.toString());
        }
        if (HALF.matcher(label).matches()) {
            LocalDate from = this.from.minusMonths(6);
            return parse(from.getYear() + "-H" + (from.getMonthValue() == 1 ? 1 : 2));
        }
        return parse(String.valueOf(from.getYear() - 1));
    }
}
