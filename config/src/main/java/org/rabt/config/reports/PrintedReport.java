package org.rabt.config.reports;

import java.util.List;

/**
 * A report as it is printed: every word already in the reader's language and every figure
 * already formatted (a withheld one as the translated mark), so that the template only lays it
 * out. Built by {@link PrintedReports}, rendered by {@link ReportPdf}.
 */
public record PrintedReport(String lang, String dir, String title, String subtitle, List<Meta> meta, String footnote,
        List<Section> sections) {

    /** One line of the report's heading: a label and its value. */
    public record Meta(String label, String value) {
    }

    /**
     * A titled part of the report: a table of figures, a bar chart, or both.
     *
     * @param major a top-level part (achievements, trend) rather than one of their tables
     */
    public record Section(String heading, boolean major, String note, Table table, Chart chart) {

        static Section part(String heading) {
            return new Section(heading, true, null, null, null);
        }
    }

    /** The first column names the row; the others hold its figures. */
    public record Table(List<String> header, List<Row> rows) {
    }

    public record Row(List<String> cells, boolean total) {
    }

    /**
     * Horizontal bars, the period solid and the previous period (when there is one) outlined, so
     * the chart reads in black and white too.
     */
    public record Chart(String nowLegend, String beforeLegend, List<Bar> bars) {
    }

    /** Widths in percent of the chart's longest bar; a withheld figure has no bar and prints the mark. */
    public record Bar(String label, String now, int nowWidth, String before, int beforeWidth) {
    }
}
