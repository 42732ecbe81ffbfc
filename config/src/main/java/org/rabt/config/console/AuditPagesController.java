package org.rabt.config.console;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.rabt.caserecord.audit.AuditQuery;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.config.audit.AuditController;
import org.rabt.security.audit.AuditRecord;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The security officer's page of the audit log: a search with the filters of GET /api/v1/audit
 * and paging by sequence number, the verification of a stretch of the chain, and the anomalies
 * of the last day, all read through the same store and checks as the API.
 */
@Controller
public class AuditPagesController {

    /** The anomalies shown look back this far (GET /api/v1/audit/anomalies' default). */
    static final int ANOMALY_HOURS = 24;

    /** The search form's fields, as typed; times are the console's zone, as the browser's datetime fields give them. */
    public record AuditFilters(String from, String to, String actor, String sector, String action, String outcome,
            String card, String child) {

        boolean any() {
            return List.of(nullToEmpty(from), nullToEmpty(to), nullToEmpty(actor), nullToEmpty(sector), nullToEmpty(action),
                    nullToEmpty(outcome), nullToEmpty(card), nullToEmpty(child)).stream().anyMatch(v -> !v.isBlank());
        }

        private static String nullToEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    private final AuditStore store;
    private final AuditController api;
    private final ConsoleProperties properties;

    public AuditPagesController(AuditStore store, AuditController api, ConsoleProperties properties) {
        this.store = store;
        this.api = api;
        this.properties = properties;
    }

    @GetMapping("/console/audit")
    public String audit(AuditFilters filters, @RequestParam(name = "afterSeq", defaultValue = "0") long afterSeq,
            Model model) {
        search(filters, afterSeq, model);
        model.addAttribute("anomalies", api.anomalies(ANOMALY_HOURS));
        return "console/audit";
    }

    /** The verification of entries {@code from} to {@code to} (sequence numbers; all by default), on the same page. */
    @GetMapping("/console/audit/verify")
    public String verify(@RequestParam(name = "from", required = false) Long from,
            @RequestParam(name = "to", required = false) Long to, Model model) {
        Map<String, Object> verification = api.verify(from == null ? 1 : from, to);
        model.addAttribute("verification", verification);
        model.addAttribute("verifyFrom", from);
        model.addAttribute("verifyTo", to);
        search(new AuditFilters(null, null, null, null, null, null, null, null), 0, model);
        model.addAttribute("anomalies", api.anomalies(ANOMALY_HOURS));
        return "console/audit";
    }

    private void search(AuditFilters filters, long afterSeq, Model model) {
        int page = properties.pageSize();
        Instant from = null;
        Instant to = null;
        try {
            from = instant(filters.from());
            to = instant(filters.to());
        } catch (DateTimeParseException notATime) {
            model.addAttribute("filterError", notATime.getParsedString());
        }
        List<AuditRecord> entries = store.search(new AuditQuery(from, to, blankToNull(filters.actor()),
                blankToNull(filters.sector()), blankToNull(filters.action()), blankToNull(filters.outcome()),
                blankToNull(filters.card()), blankToNull(filters.child()), Math.max(0, afterSeq), page));
        model.addAttribute("filters", filters);
        model.addAttribute("entries", entries);
        model.addAttribute("afterSeq", afterSeq);
        model.addAttribute("nextAfterSeq", entries.size() == page ? entries.get(entries.size() - 1).seq() : null);
        model.addAttribute("lastSeq", store.lastSeq());
    }

    private Instant instant(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        return LocalDateTime.parse(local.trim()).atZone(properties.timeZone()).toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
