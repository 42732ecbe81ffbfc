package org.rabt.config.exchange;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rabt.caserecord.batches.BatchRecord;
import org.rabt.caserecord.batches.BatchRejection;
import org.rabt.caserecord.batches.BatchState;
import org.rabt.connectors.exchange.ExchangeRequests;
import org.rabt.connectors.exchange.IntakeError;
import org.rabt.connectors.exchange.IntakeException;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.routes.Json;
import org.rabt.routes.batches.EducationBatches;
import org.rabt.routes.exchange.Problem;
import org.rabt.routes.exchange.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Education's batches on the exchange API: {@code POST /exchange/v1/education/batches} takes a
 * signed CSV file and answers {@code 202} with the batch's id once the file is verified and
 * stored; {@code GET .../batches/{id}} reports progress and each bad row by line. A plain Spring
 * MVC endpoint rather than a Camel route because the body must be streamed to disk as it arrives
 * (a batch may be hundreds of megabytes), which the platform-http consumer does not do.
 */
@RestController
public class EducationBatchController {

    private static final Logger AUDIT = LoggerFactory.getLogger("org.rabt.audit");
    private static final String BASE = "/exchange/v1/education/batches";
    private static final int PAGE = 1_000;

    private final EducationBatches batches;
    private final ExchangeRequests requests;
    private final Problems problems;
    private final Path spoolDir;

    public EducationBatchController(EducationBatches batches, ExchangeRequests requests, Problems problems,
            BatchDirectories directories) {
        this.batches = batches;
        this.requests = requests;
        this.problems = problems;
        this.spoolDir = directories.spool();
    }

    @PostMapping(BASE)
    public ResponseEntity<byte[]> post(HttpServletRequest request) {
        try {
            X509Certificate certificate = requests.requireSector(request, SectorId.EDUCATION);
            requireCsv(request.getContentType());
            Path spooled = spool(request);
            BatchRecord batch = batches.receive(spooled, null, "http", certificate, request.getHeader("Rabt-Signature"));
            Map<String, Object> receipt = new LinkedHashMap<>();
            receipt.put("batchId", batch.id().toString());
            receipt.put("status", batch.state().code());
            receipt.put("statusUrl", BASE + "/" + batch.id());
            return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", BASE + "/" + batch.id())
                    .contentType(MediaType.APPLICATION_JSON).body(Json.bytes(receipt));
        } catch (Exception refused) {
            return problem(refused, BASE, request);
        }
    }

    @GetMapping(BASE + "/{id}")
    public ResponseEntity<byte[]> report(HttpServletRequest request, @PathVariable("id") String id,
            @RequestParam(name = "afterLine", defaultValue = "0") long afterLine) {
        String path = BASE + "/" + id;
        try {
            requests.requireSector(request, SectorId.EDUCATION);
            BatchRecord batch = parse(id).flatMap(batches::find).filter(found -> found.sender() == SectorId.EDUCATION)
                    .orElseThrow(() -> new IntakeException(IntakeError.BATCH_NOT_FOUND, "no batch " + id
                            + " sent by education"));
            List<BatchRejection> rejections = batches.rejections(batch.id(), afterLine, PAGE);
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("batchId", batch.id().toString());
            report.put("status", batch.state().code());
            report.put("receivedAt", batch.receivedAt().toString());
            report.put("completedAt", batch.completedAt() == null ? null : batch.completedAt().toString());
            report.put("sha256", batch.bodySha256());
            report.put("linesRead", batch.linesDone());
            boolean finished = batch.state() == BatchState.COMPLETED || batch.state() == BatchState.FAILED;
            report.put("admitted", finished ? batch.admitted() : null);
            report.put("rejected", finished ? batch.rejected() : null);
            if (batch.errorCode() != null) {
                report.put("error", Map.of("code", batch.errorCode(), "detail", batch.errorDetail()));
            }
            report.put("rejections", rejections);
            if (rejections.size() == PAGE) {
                report.put("next", path + "?afterLine=" + rejections.get(PAGE - 1).line());
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Json.bytes(report));
        } catch (Exception refused) {
            return problem(refused, path, request);
        }
    }

    private static void requireCsv(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        if (!(type.equals("text/csv") || type.startsWith("text/csv;") && (!type.contains("charset=")
                || type.contains("charset=utf-8")))) {
            throw new IntakeException(IntakeError.UNSUPPORTED_CONTENT_TYPE, "a batch is sent as text/csv (UTF-8), not "
                    + (contentType == null ? "without a Content-Type" : contentType));
        }
    }

    /** The body, streamed to a file under the data directory (never whole in memory). */
    private Path spool(HttpServletRequest request) throws IOException {
        Files.createDirectories(spoolDir);
        Path spooled = spoolDir.resolve(UUID.randomUUID() + ".part");
        try (InputStream in = request.getInputStream()) {
            long size = Files.copy(in, spooled);
            if (Boolean.TRUE.equals(request.getAttribute(ExchangeRequests.BODY_TOO_LARGE_ATTRIBUTE))) {
                throw new IntakeException(IntakeError.BODY_TOO_LARGE, "the batch is larger than the limit; split it");
            }
            if (size == 0) {
                throw new IntakeException(IntakeError.EMPTY_BODY, "the request has no body; send the CSV file in it");
            }
            return spooled;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spooled);
            throw e;
        }
    }

    private ResponseEntity<byte[]> problem(Exception refused, String path, HttpServletRequest request) {
        Problem problem = problems.problemForFailure(refused, path);
        // the detail goes to the sender only: it may quote the batch's values (a name, a birth date)
        AUDIT.info("rejected path={} code={} status={} field={}", path, problem.code(), problem.status(),
                problem.field());
        problems.audit(problem, ExchangeRequests.clientCertificate(request), SectorId.EDUCATION.code(), null);
        return ResponseEntity.status(problem.status()).contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
                .body(Json.bytes(problem));
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
