package org.rabt.config.caserecord;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The centre writes a card: a reporting card for its own record, a linkage card to a sector, a
 * follow-up or an evaluation. It goes through the same intake and routes as any sector's card
 * and is answered the same way: {@code 202} once durable. An {@code Idempotency-Key} makes a
 * retried request the same card.
 */
@RestController
public class CentreCardsController {

    private final CentreCardSender sender;

    public CentreCardsController(CentreCardSender sender) {
        this.sender = sender;
    }

    @PostMapping(path = "/api/v1/cards", consumes = "application/json", produces = "application/json")
    public ResponseEntity<CentreCardSender.Sent> send(@RequestBody CentreCardRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Authentication who) {
        CentreCardSender.Sent sent = sender.send(request, idempotencyKey, who);
        return ResponseEntity.status(sent.replay() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(sent);
    }
}
