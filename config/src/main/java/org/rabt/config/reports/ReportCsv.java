package org.rabt.config.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rabt.caserecord.reports.Achievements;
import org.rabt.caserecord.reports.Cell;
import org.rabt.caserecord.reports.ChildrenFigures;
import org.rabt.caserecord.reports.MonthlyReport;
import org.rabt.caserecord.reports.ProvincialReport;
import org.rabt.caserecord.reports.ReferralFigures;

/**
 * A report as one CSV table (RFC 4180, UTF-8), one figure per row, for a spreadsheet: the
 * section and measure, the dimensions that apply, the value and the previous period's. A
 * withheld figure reads {@value #WITHHELD}.
 */
public final class ReportCsv {

    static final String WITHHELD = "withheld";
    private static final String[] HEADER = {"report", "province", "period", "section", "measure", "sector",
        "entry_channel", "stage", "age_band", "sex", "concern", "value", "previous"};

    private ReportCsv() {
    }

    public static String monthly(MonthlyReport report) {
        List<Object[]> rows = new ArrayList<>();
        achievements(rows, "monthly", report.province(), report.month(), report.achievements(), null);
        return write(rows);
    }

    public static String provincial(ProvincialReport report) {
        List<Object[]> rows = new ArrayList<>();
        achievements(rows, "provincial", report.province(), report.period(), report.achievements(),
                report.previousAchievements());
        ChildrenFigures children = report.children();
        List<Cell> cells = new ArrayList<>();
        cells.add(children.total());
        cells.addAll(children.byAgeBand());
        cells.addAll(children.bySex());
        cells.addAll(children.byAgeBandAndSex());
        cells.addAll(children.byConcern());
        cells.addAll(children.byConcernAgeBandAndSex());
        for (Cell cell : cells) {
            rows.add(row("provincial", report.province(), report.period(), "children", "children", null, null, null,
                    cell.ageBand(), cell.sex(), cell.concern(), value(cell.count(), cell.withheld()),
                    value(cell.previous(), cell.previousWithheld())));
        }
        return write(rows);
    }

    private static void achievements(List<Object[]> rows, String kind, String province, String period, Achievements now,
            Achievements before) {
        rows.add(row(kind, province, period, "achievements", "cards", null, null, null, null, null, null, now.cards(),
                before == null ? null : before.cards()));
        for (Map.Entry<String, Long> e : now.cardsByEntryChannel().entrySet()) {
            rows.add(row(kind, province, period, "achievements", "cards", null, e.getKey(), null, null, null, null,
                    e.getValue(), before == null ? null : before.cardsByEntryChannel().getOrDefault(e.getKey(), 0L)));
        }
        for (Map.Entry<String, Long> e : now.cardsBySector().entrySet()) {
            rows.add(row(kind, province, period, "achievements", "cards", e.getKey(), null, null, null, null, null,
                    e.getValue(), before == null ? null : before.cardsBySector().getOrDefault(e.getKey(), 0L)));
        }
        rows.add(row(kind, province, period, "achievements", "children", null, null, null, null, null, null,
                value(now.children().count(), now.children().withheld()),
                before == null ? null : value(before.children().count(), before.children().withheld())));
        for (int i = 0; i < now.childrenByStage().size(); i++) {
            Cell stage = now.childrenByStage().get(i);
            Cell earlier = before == null ? null : before.childrenByStage().get(i);
            rows.add(row(kind, province, period, "achievements", "children", null, null, stage.stage(), null, null, null,
                    value(stage.count(), stage.withheld()), earlier == null ? null : value(earlier.count(), earlier.withheld())));
        }
        for (ReferralFigures referral : now.referrals()) {
            ReferralFigures earlier = before == null ? null : before.referrals().stream()
                    .filter(r -> r.sector().equals(referral.sector())).findFirst().orElse(null);
            rows.add(row(kind, province, period, "achievements", "referrals_sent", referral.sector(), null, null, null, null,
                    null, referral.sent(), earlier == null ? null : earlier.sent()));
            rows.add(row(kind, province, period, "achievements", "referrals_answered", referral.sector(), null, null, null,
                    null, null, referral.answered(), earlier == null ? null : earlier.answered()));
            rows.add(row(kind, province, period, "achievements", "referrals_overdue", referral.sector(), null, null, null,
                    null, null, referral.overdue(), earlier == null ? null : earlier.overdue()));
            rows.add(row(kind, province, period, "achievements", "median_response_days", referral.sector(), null, null,
                    null, null, null, referral.medianResponseDays(), earlier == null ? null : earlier.medianResponseDays()));
        }
        rows.add(row(kind, province, period, "achievements", "follow_up_cards", null, null, null, null, null, null,
                now.followUpCards(), before == null ? null : before.followUpCards()));
        rows.add(row(kind, province, period, "achievements", "evaluation_cards", null, null, null, null, null, null,
                now.evaluationCards(), before == null ? null : before.evaluationCards()));
    }

    private static Object value(Long count, boolean withheld) {
        return withheld ? WITHHELD : count;
    }

    private static Object[] row(Object... values) {
        return values;
    }

    private static String write(List<Object[]> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (Object[] row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
