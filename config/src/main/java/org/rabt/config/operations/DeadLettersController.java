package org.rabt.config.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.rabt.routes.exchange.Problem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dead letters on the staff API, for the operator (docs/architecture.md, "Inspecting and
 * replaying dead letters"): each sector's count, a sector's list, and the replay of one card or
 * of the whole queue. Every call is audited, every refusal too.
 */
@RestController
@Tag(name = "Dead letters", description = "cards no retry delivered, per sector; the operator replays them")
public class DeadLettersController {

    /** Every sector's dead-letter queue and its count. */
    public record Counts(List<DeadLetters.SectorCount> sectors) {
    }

    private final DeadLetters deadLetters;

    public DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping(path = "/api/v1/dead-letters", produces = "application/json")
    @Operation(summary = "How many dead letters wait in each sector's dead-letter queue")
    @ApiResponse(responseCode = "200", description = "every sector's dead-letter queue and its count")
    @ApiResponse(responseCode = "503", description = "RABT-O003: the broker cannot be reached")
    public Counts counts(Authentication who) {
        return new Counts(deadLetters.counts(who));
    }

    @GetMapping(path = "/api/v1/dead-letters/{sector}", produces = "application/json")
    @Operation(summary = "A sector's dead letters, oldest first, with each card's last failure")
    @ApiResponse(responseCode = "200", description = "the queue's count and its first dead letters")
    @ApiResponse(responseCode = "404", description = "RABT-O001: no such sector")
    @ApiResponse(responseCode = "400", description = "RABT-O004: limit is not 1 to 1000")
    @ApiResponse(responseCode = "503", description = "RABT-O003: the broker cannot be reached")
    public DeadLetters.Listing list(@PathVariable("sector") String sector,
            @Parameter(description = "how many to list, 1 to 1000 (100 when absent)")
            @RequestParam(name = "limit", required = false) String limit, Authentication who) {
        return deadLetters.list(sector, DeadLetters.limit(limit), who);
    }

    @PostMapping(path = "/api/v1/dead-letters/{sector}/{cardId}/replay", produces = "application/json")
    @Operation(summary = "Puts one dead-lettered card back on its receiver's queue; its history and the audit log "
            + "name the operator")
    @ApiResponse(responseCode = "200", description = "the card id and its delivery status now (replayed, or delivered)")
    @ApiResponse(responseCode = "404", description = "RABT-O001: no such sector; RABT-O002: the card is not in "
            + "this sector's dead-letter queue")
    @ApiResponse(responseCode = "503", description = "RABT-O003: the broker cannot be reached; nothing was moved")
    public DeadLetters.Replay replay(@PathVariable("sector") String sector, @PathVariable("cardId") String cardId,
            Authentication who) {
        return deadLetters.replay(sector, cardId, who);
    }

    @PostMapping(path = "/api/v1/dead-letters/{sector}/replay", produces = "application/json")
    @Operation(summary = "Puts every card of a sector's dead-letter queue back on its receiver's queue (at most "
            + "1000 per call), one audit entry per card")
    @ApiResponse(responseCode = "200", description = "{\"replayed\": n}: how many cards were put back")
    @ApiResponse(responseCode = "404", description = "RABT-O001: no such sector")
    @ApiResponse(responseCode = "503", description = "RABT-O003: the broker cannot be reached")
    public Map<String, Integer> replayAll(@PathVariable("sector") String sector, Authentication who) {
        return Map.of("replayed", deadLetters.replayAll(sector, who));
    }

    @ExceptionHandler(OperationsException.class)
    ResponseEntity<Problem> refused(OperationsException refused, HttpServletRequest request, Authentication who) {
        Problem problem = deadLetters.refusal(refused, request.getRequestURI(), who);
        return ResponseEntity.status(problem.status()).contentType(MediaType.valueOf(Problem.MEDIA_TYPE)).body(problem);
    }
}
