package org.rabt.config.reports;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A report as a file to download, named {@code rabt-report-<name>.<csv|pdf>}: the API's and the console's. */
public final class ReportFiles {

    private ReportFiles() {
    }

    public static ResponseEntity<byte[]> pdf(byte[] body, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"rabt-report-" + name + ".pdf\"").body(body);
    }

    public static ResponseEntity<String> csv(String body, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ReportsController.CSV + ";charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"rabt-report-" + name + ".csv\"").body(body);
    }
}
