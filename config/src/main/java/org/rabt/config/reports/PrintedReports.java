package org.rabt.config.reports;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.rabt.caserecord.reports.Achievements;
import org.rabt.caserecord.reports.Cell;
import org.rabt.caserecord.reports.ChildrenFigures;
import org.rabt.caserecord.reports.MonthlyReport;
import org.rabt.caserecord.reports.ProvincialReport;
import org.rabt.caserecord.reports.ReferralFigures;
import org.rabt.config.reports.PrintedReport.Bar;
import org.rabt.config.reports.PrintedReport.Chart;
import org.rabt.config.reports.PrintedReport.Meta;
import org.rabt.config.reports.PrintedReport.Row;
import org.rabt.config.reports.PrintedReport.Section;
import org.rabt.config.reports.PrintedReport.Table;

/**
 * Lays a report out for print in one language: the same sections, in the same order, as the
 * JSON and the CSV, each figure beside the previous period's, with bar charts for the cards by
 * sector, the children by age band and sex, and the children by form of violence.
 */
public final class PrintedReports {

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);
    /** Sexes always charted; the others only when someone is in them. */
    private static final Set<String> CHARTED_SEXES = Set.of("female", "male");

    private final ReportLabels words;

    private PrintedReports(ReportLanguage language) {
        this.words = ReportLabels.of(language);
    }

    public static PrintedReport provincial(ProvincialReport report, ReportLanguage language) {
        return new PrintedReports(language).provincial(report);
    }

    public static PrintedReport monthly(MonthlyReport report, ReportLanguage language) {
        return new PrintedReports(language).monthly(report);
    }

    private PrintedReport provincial(ProvincialReport report) {
        List<Section> sections = new ArrayList<>();
        sections.add(Section.part(words.text("section.achievements")));
        achievements(sections, report.achievements(), report.previousAchievements(), report.period(),
                report.previousPeriod());
        sections.add(Section.part(words.text("section.trend")));
        trend(sections, report.children(), report.period(), report.previousPeriod());
        List<Meta> meta = List.of(
                new Meta(words.text("meta.province"), province(report.province())),
                new Meta(words.text("meta.period"), report.period()),
                new Meta(words.text("meta.dates"), dates(report.from(), report.to())),
                new Meta(words.text("meta.previous"), report.previousPeriod()),
                new Meta(words.text("meta.generated"), GENERATED.format(report.generatedAt().atOffset(ZoneOffset.UTC))));
        return document(words.text("title.provincial"), words.text("subtitle.provincial"), meta,
                report.suppressionThreshold(), sections);
    }

    private PrintedReport monthly(MonthlyReport report) {
        List<Section> sections = new ArrayList<>();
        sections.add(Section.part(words.text("section.achievements")));
        achievements(sections, report.achievements(), null, report.month(), null);
        List<Meta> meta = List.of(
                new Meta(words.text("meta.province"), province(report.province())),
                new Meta(words.text("meta.period"), report.month()),
                new Meta(words.text("meta.dates"), dates(report.from(), report.to())),
                new Meta(words.text("meta.generated"), GENERATED.format(report.generatedAt().atOffset(ZoneOffset.UTC))));
        return document(words.text("title.monthly"), words.text("subtitle.monthly"), meta, report.suppressionThreshold(),
                sections);
    }

    private PrintedReport document(String title, String subtitle, List<Meta> meta, int threshold, List<Section> sections) {
        ReportLanguage language = words.language();
        return new PrintedReport(language.code(), language.rightToLeft() ? "rtl" : "ltr", title, subtitle, meta,
                words.footnote(threshold), sections);
    }

    /** {@code before} and {@code previous} are {@code null} for a monthly report, which stands alone. */
    private void achievements(List<Section> sections, Achievements now, Achievements before, String period,
            String previous) {
        boolean compared = before != null;
        List<String> header = compared ? List.of(words.text("table.measure"), period, previous)
                : List.of(words.text("table.measure"), period);
        List<Row> totals = new ArrayList<>();
        totals.add(row(compared, words.text("measure.cards"), count(now.cards()), compared ? count(before.cards()) : null));
        totals.add(row(compared, words.text("measure.children"), cell(now.children().count(), now.children().withheld()),
                compared ? cell(before.children().count(), before.children().withheld()) : null));
        totals.add(row(compared, words.text("measure.followUp"), count(now.followUpCards()),
                compared ? count(before.followUpCards()) : null));
        totals.add(row(compared, words.text("measure.evaluation"), count(now.evaluationCards()),
                compared ? count(before.evaluationCards()) : null));
        sections.add(new Section(null, false, null, new Table(header, totals), null));

        sections.add(countsBy(words.text("heading.channels"), words.text("column.channel"), now.cardsByEntryChannel(),
                compared ? before.cardsByEntryChannel() : null, words::channel, period, previous, false));
        sections.add(countsBy(words.text("heading.sectors"), words.text("column.sector"), now.cardsBySector(),
                compared ? before.cardsBySector() : null, words::sector, period, previous, true));

        List<Row> stages = new ArrayList<>();
        for (int i = 0; i < now.childrenByStage().size(); i++) {
            Cell stage = now.childrenByStage().get(i);
            Cell earlier = compared ? before.childrenByStage().get(i) : null;
            stages.add(row(compared, words.stage(stage.stage()), cell(stage.count(), stage.withheld()),
                    earlier == null ? null : cell(earlier.count(), earlier.withheld())));
        }
        List<String> stageHeader = compared ? List.of(words.text("column.stage"), period, previous)
                : List.of(words.text("column.stage"), period);
        sections.add(new Section(words.text("heading.stages"), false, null, new Table(stageHeader, stages), null));

        sections.add(referrals(now.referrals(), compared ? before.referrals() : null));
    }

    private Section countsBy(String heading, String column, Map<String, Long> now, Map<String, Long> before,
            Function<String, String> label, String period, String previous, boolean charted) {
        boolean compared = before != null;
        Set<String> keys = new LinkedHashSet<>(now.keySet());
        if (compared) {
            keys.addAll(before.keySet());
        }
        List<Row> rows = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        for (String key : keys) {
            long value = now.getOrDefault(key, 0L);
            Long earlier = compared ? before.getOrDefault(key, 0L) : null;
            rows.add(row(compared, label.apply(key), count(value), compared ? count(earlier) : null));
            figures.add(new Figure(label.apply(key), value, false, earlier, false));
        }
        if (rows.isEmpty()) {
            rows.add(row(compared, words.text("none"), "", compared ? "" : null));
        }
        List<String> header = compared ? List.of(column, period, previous) : List.of(column, period);
        return new Section(heading, false, null, new Table(header, rows),
                charted && !figures.isEmpty() ? chart(figures, period, previous) : null);
    }

    private Section referrals(List<ReferralFigures> now, List<ReferralFigures> before) {
        boolean compared = before != null;
        List<Row> rows = new ArrayList<>();
        for (ReferralFigures referral : now) {
            ReferralFigures earlier = compared ? before.stream().filter(r -> r.sector().equals(referral.sector()))
                    .findFirst().orElse(null) : null;
            rows.add(new Row(List.of(words.sector(referral.sector()),
                    beside(count(referral.sent()), compared, earlier == null ? count(0) : count(earlier.sent())),
                    beside(count(referral.answered()), compared, earlier == null ? count(0) : count(earlier.answered())),
                    beside(count(referral.overdue()), compared, earlier == null ? count(0) : count(earlier.overdue())),
                    beside(days(referral.medianResponseDays()), compared,
                            earlier == null ? days(null) : days(earlier.medianResponseDays()))), false));
        }
        if (rows.isEmpty()) {
            rows.add(new Row(List.of(words.text("none"), "", "", "", ""), false));
        }
        List<String> header = List.of(words.text("column.sector"), words.text("column.sent"),
                words.text("column.answered"), words.text("column.overdue"), words.text("column.median"));
        return new Section(words.text("heading.referrals"), false, compared ? words.text("note.brackets") : null,
                new Table(header, rows), null);
    }

    private void trend(List<Section> sections, ChildrenFigures children, String period, String previous) {
        List<String> sexes = children.bySex().stream().map(Cell::sex).toList();
        List<String> header = new ArrayList<>();
        header.add(words.text("column.ageBand"));
        sexes.forEach(sex -> header.add(words.sex(sex)));
        header.add(words.text("column.total"));
        List<Row> rows = new ArrayList<>();
        List<Figure> bars = new ArrayList<>();
        for (Cell age : children.byAgeBand()) {
            List<String> cells = new ArrayList<>();
            cells.add(words.ageBand(age.ageBand()));
            for (String sex : sexes) {
                Cell one = children.byAgeBandAndSex().stream()
                        .filter(c -> c.ageBand().equals(age.ageBand()) && c.sex().equals(sex)).findFirst().orElseThrow();
                cells.add(nowAndBefore(one));
                if (CHARTED_SEXES.contains(sex) || anyone(one)) {
                    bars.add(figure(words.ageBand(one.ageBand()) + " · " + words.sex(sex), one));
                }
            }
            cells.add(nowAndBefore(age));
            rows.add(new Row(cells, false));
        }
        List<String> totals = new ArrayList<>();
        totals.add(words.text("column.total"));
        children.bySex().forEach(sex -> totals.add(nowAndBefore(sex)));
        totals.add(nowAndBefore(children.total()));
        rows.add(new Row(totals, true));
        sections.add(new Section(words.text("heading.ageSex"), false, words.text("note.brackets"),
                new Table(header, rows), chart(bars, period, previous)));

        List<Row> concerns = new ArrayList<>();
        List<Figure> concernBars = new ArrayList<>();
        for (Cell concern : children.byConcern()) {
            concerns.add(row(true, words.concern(concern.concern()), cell(concern.count(), concern.withheld()),
                    cell(concern.previous(), concern.previousWithheld())));
            concernBars.add(figure(words.concern(concern.concern()), concern));
        }
        sections.add(new Section(words.text("heading.concerns"), false, words.text("note.concerns"),
                new Table(List.of(words.text("column.concern"), period, previous), concerns),
                chart(concernBars, period, previous)));

        List<String> detailHeader = new ArrayList<>();
        detailHeader.add(words.text("column.concern"));
        sexes.forEach(sex -> detailHeader.add(words.sex(sex)));
        List<Row> details = new ArrayList<>();
        for (Cell concern : children.byConcern()) {
            for (Cell age : children.byAgeBand()) {
                List<Cell> cells = children.byConcernAgeBandAndSex().stream()
                        .filter(c -> c.concern().equals(concern.concern()) && c.ageBand().equals(age.ageBand()))
                        .toList();
                if (cells.stream().anyMatch(PrintedReports::anyone)) {
                    List<String> row = new ArrayList<>();
                    row.add(words.concern(concern.concern()) + " · " + words.ageBand(age.ageBand()));
                    for (String sex : sexes) {
                        row.add(cells.stream().filter(c -> c.sex().equals(sex)).findFirst()
                                .map(this::nowAndBefore).orElse(""));
                    }
                    details.add(new Row(row, false));
                }
            }
        }
        if (details.isEmpty()) {
            List<String> none = new ArrayList<>();
            none.add(words.text("none"));
            sexes.forEach(sex -> none.add(""));
            details.add(new Row(none, false));
        }
        sections.add(new Section(words.text("heading.concernAgeSex"), false,
                words.text("note.brackets") + " " + words.text("note.concernAgeSex"), new Table(detailHeader, details),
                null));
    }

    /** A figure to chart: {@code before} is {@code null} when there is no previous period. */
    private record Figure(String label, Long now, boolean nowWithheld, Long before, boolean beforeWithheld) {
    }

    private Figure figure(String label, Cell cell) {
        return new Figure(label, cell.count(), cell.withheld(), cell.previous(), cell.previousWithheld());
    }

    private Chart chart(List<Figure> figures, String period, String previous) {
        long longest = 0;
        for (Figure figure : figures) {
            longest = Math.max(longest, figure.nowWithheld() || figure.now() == null ? 0 : figure.now());
            longest = Math.max(longest, figure.beforeWithheld() || figure.before() == null ? 0 : figure.before());
        }
        List<Bar> bars = new ArrayList<>();
        for (Figure figure : figures) {
            bars.add(new Bar(figure.label(), cell(figure.now(), figure.nowWithheld()),
                    width(figure.now(), figure.nowWithheld(), longest),
                    previous == null ? null : cell(figure.before(), figure.beforeWithheld()),
                    width(figure.before(), figure.beforeWithheld(), longest)));
        }
        return new Chart(period, previous, bars);
    }

    /** A bar's length; a figure above zero always shows, however short. */
    private static int width(Long value, boolean withheld, long longest) {
        if (withheld || value == null || value <= 0 || longest <= 0) {
            return 0;
        }
        return (int) Math.max(1, Math.round(100.0 * value / longest));
    }

    private static boolean anyone(Cell cell) {
        return cell.withheld() || cell.previousWithheld() || (cell.count() != null && cell.count() > 0)
                || (cell.previous() != null && cell.previous() > 0);
    }

    private Row row(boolean compared, String label, String now, String before) {
        return new Row(compared ? List.of(label, now, before) : List.of(label, now), false);
    }

    /** The period's figure, and the previous period's in brackets. */
    private String nowAndBefore(Cell cell) {
        return beside(cell(cell.count(), cell.withheld()), true, cell(cell.previous(), cell.previousWithheld()));
    }

    /** Both figures (the template sets them left to right in every language). */
    private static String beside(String now, boolean compared, String before) {
        return compared ? now + " (" + before + ")" : now;
    }

    /** A count of children: the withheld mark, never a number, when it is withheld. */
    private String cell(Long count, boolean withheld) {
        return withheld || count == null ? words.text("withheld") : count(count);
    }

    private static String count(long count) {
        return String.valueOf(count);
    }

    private static String days(Double days) {
        return days == null ? "—" : String.format(Locale.ROOT, "%.1f", days);
    }

    private String province(String code) {
        return code == null ? words.text("meta.unset") : code;
    }

    /** The period's first and last days ({@code to} is the day after). */
    private static String dates(LocalDate from, LocalDate to) {
        return from + " – " + to.minusDays(1);
    }
}
