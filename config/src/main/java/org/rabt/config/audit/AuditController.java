package org.rabt.config.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.security.Pem;
import org.rabt.security.audit.AuditCheckpoint;
import org.rabt.security.audit.AuditRecord;
import org.rabt.security.audit.AuditVerification;
import org.rabt.security.audit.AuditVerifier;
import org.rabt.security.pki.HubPki;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The security officer's view of the chain, on the staff port: verify a stretch, export it as a
 * self-proving file. For the security-officer role only (StaffSecurityConfiguration); they hold
 * pseudonyms and hashes, never a child's identity or a payload.
 */
@RestController
public class AuditController {

    /** At most this many entries per request; longer stretches are verified or exported in parts. */
    static final int MAX_ENTRIES = 200_000;

    private final AuditStore store;
    private final HubPki pki;
    private final Clock clock;

    public AuditController(AuditStore store, HubPki pki, Clock clock) {
        this.store = store;
        this.pki = pki;
        this.clock = clock;
    }

    /**
     * Search: {@code from}/{@code to} (ISO-8601 instants), {@code actor}, {@code sector},
     * {@code action}, {@code outcome}, {@code card}, {@code child} (pseudonym); pages of
     * {@code limit} (at most 1,000) after {@code afterSeq}. With {@code _format=fhir}, the page as a
     * FHIR {@code Bundle} of {@code AuditEvent} resources.
     */
    @GetMapping("/api/v1/audit")
    public ResponseEntity<?> search(@RequestParam(name = "from", required = false) java.time.Instant from,
            @RequestParam(name = "to", required = false) java.time.Instant to,
            @RequestParam(name = "actor", required = false) String actor,
            @RequestParam(name = "sector", required = false) String sector,
            @RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "outcome", required = false) String outcome,
            @RequestParam(name = "card", required = false) String card,
            @RequestParam(name = "child", required = false) String child,
            @RequestParam(name = "afterSeq", defaultValue = "0") long afterSeq,
            @RequestParam(name = "limit", defaultValue = "100") int limit,
            @RequestParam(name = "_format", required = false) String format) {
        int size = Math.max(1, Math.min(limit, 1_000));
        List<AuditRecord> page = store.search(new org.rabt.caserecord.audit.AuditQuery(from, to, actor, sector, action,
                outcome, card, child, afterSeq, size));
        if ("fhir".equals(format)) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/fhir+json"))
                    .body(AuditEvents.bundle(page));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("entries", page);
        answer.put("next", page.size() == size ? "afterSeq=" + page.get(page.size() - 1).seq() : null);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    /**
     * What a security officer looks at first, over the last {@code hours} (24): refusals by actor
     * and code (denied accesses, signature failures) and each actor's volume beside its usual one.
     */
    @GetMapping("/api/v1/audit/anomalies")
    public Map<String, Object> anomalies(@RequestParam(name = "hours", defaultValue = "24") int hours) {
        java.time.Instant to = clock.instant();
        java.time.Instant from = to.minus(java.time.Duration.ofHours(Math.max(1, Math.min(hours, 24 * 31))));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", from.toString());
        answer.put("to", to.toString());
        answer.put("refusals", store.refusals(from, to));
        answer.put("volumes", store.volumes(from, to));
        return answer;
    }

    @GetMapping("/api/v1/audit/verify")
    public Map<String, Object> verify(@RequestParam(name = "from", defaultValue = "1") long from,
            @RequestParam(name = "to", required = false) Long to) {
        long last = to == null ? store.lastSeq() : Math.min(to, store.lastSeq());
        long first = Math.max(1, from);
        long upTo = Math.min(last, first + MAX_ENTRIES - 1);
        List<AuditRecord> entries = store.entries(first, upTo);
        List<AuditCheckpoint> checkpoints = store.checkpoints(first, upTo);
        AuditVerification result = new AuditVerifier(pki.hubSigner().certificate(), pki.caCertificate())
                .verify(entries, checkpoints, store.hashBefore(first));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", first);
        answer.put("to", upTo);
        answer.put("intact", result.intact());
        answer.put("entries", result.entries());
        answer.put("checkpoints", result.checkpoints());
        answer.put("firstBroken", result.firstBroken());
        answer.put("problem", result.problem());
        answer.put("lastSigned", checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1).seq());
        return answer;
    }

    /** By default up to the last checkpoint, so that every entry in the file is covered by a hub signature. */
    @GetMapping("/api/v1/audit/export")
    public ResponseEntity<byte[]> export(@RequestParam(name = "from", defaultValue = "1") long from,
            @RequestParam(name = "to", required = false) Long to) {
        long first = Math.max(1, from);
        long lastSigned = store.lastCheckpointSeq(first).orElseGet(store::lastSeq);
        long upTo = Math.min(to == null ? lastSigned : to, first + MAX_ENTRIES - 1);
        AuditExport export = new AuditExport(AuditExport.FORMAT, clock.instant(), first, upTo, store.hashBefore(first),
                store.entries(first, upTo), store.checkpoints(first, upTo), Pem.toPem(pki.hubSigner().certificate()),
                Pem.toPem(pki.caCertificate()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rabt-audit-" + first + "-" + upTo + ".json\"")
                .contentType(MediaType.APPLICATION_JSON).body(export.toJson());
    }
}
