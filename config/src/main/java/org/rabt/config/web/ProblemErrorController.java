package org.rabt.config.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.rabt.connectors.exchange.IntakeError;
import org.rabt.routes.exchange.Problem;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every error the servlet container or Spring produces itself (no route for the path, a method
 * the path does not take, the exchange still starting, a body over the limit) is answered with
 * an RFC 9457 problem document and a code, like the hub's own refusals; never Spring's default
 * error page, never a stack trace.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    /** A filter that refuses a request itself may leave the sentence for the sender here. */
    public static final String DETAIL_ATTRIBUTE = "org.rabt.problem.detail";

    private static final MediaType PROBLEM = MediaType.parseMediaType(Problem.MEDIA_TYPE);

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<Problem> error(HttpServletRequest request) {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer code ? code : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Problem problem = problemFor(status, uri == null ? null : uri.toString());
        if (request.getAttribute(DETAIL_ATTRIBUTE) instanceof String detail) {
            problem = new Problem(problem.type(), problem.title(), problem.status(), detail, problem.instance(),
                    problem.code(), problem.field());
        }
        return ResponseEntity.status(problem.status()).contentType(PROBLEM).body(problem);
    }

    static Problem problemFor(int status, String instance) {
        return switch (status) {
            case 413 -> intake(IntakeError.BODY_TOO_LARGE, "the body is larger than the hub accepts "
                    + "(rabt.exchange.max-body-bytes); send attachments by reference", instance);
            case 415 -> intake(IntakeError.UNSUPPORTED_CONTENT_TYPE, "the content type is not accepted here", instance);
            case 503 -> intake(IntakeError.STARTING, "the hub is starting or stopping; try again in a few seconds",
                    instance);
            // only the staff port's security answers 401 and 403 through here; the exchange's own are coded by the routes
            case 401 -> staff(FallbackProblem.SIGN_IN_REQUIRED, instance);
            case 403 -> staff(FallbackProblem.ROLE_NOT_ALLOWED, instance);
            case 400 -> fallback(FallbackProblem.BAD_REQUEST, instance);
            case 404 -> fallback(FallbackProblem.NOT_FOUND, instance);
            case 405 -> fallback(FallbackProblem.METHOD_NOT_ALLOWED, instance);
            default -> fallback(FallbackProblem.INTERNAL, instance);
        };
    }

    private static Problem intake(IntakeError error, String detail, String instance) {
        return Problem.of(error.code(), error.title(), error.httpStatus(), detail, instance, null);
    }

    private static Problem staff(FallbackProblem problem, String instance) {
        return Problem.of(problem.code(), problem.title(), problem.status(), problem.detail(), instance, null);
    }

    private static Problem fallback(FallbackProblem problem, String instance) {
        return Problem.of(problem.code(), problem.title(), problem.status(), problem.detail(), instance, null);
    }
}
