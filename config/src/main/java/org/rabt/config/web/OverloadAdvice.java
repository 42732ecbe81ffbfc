package org.rabt.config.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.RejectedExecutionException;
import org.rabt.connectors.exchange.IntakeError;
import org.rabt.routes.exchange.Problem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * When more cards arrive than the hub can take on (its intake queue, {@code
 * spring.task.execution.pool.queue-capacity}, is full), the sender is told at once to come back:
 * {@code 503} with {@code Retry-After}, nothing stored. Holding the request instead would let a
 * burst grow the heap and every latency without bound.
 */
@RestControllerAdvice
public class OverloadAdvice {

    @ExceptionHandler(RejectedExecutionException.class)
    public ResponseEntity<Problem> busy(HttpServletRequest request) {
        IntakeError error = IntakeError.BUSY;
        Problem problem = Problem.of(error.code(), error.title(), error.httpStatus(),
                "the hub is taking in as many cards as it can; send this one again in a second (same card id)",
                request.getRequestURI(), null);
        return ResponseEntity.status(error.httpStatus())
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
                .body(problem);
    }
}
