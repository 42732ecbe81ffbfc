package org.rabt.config.exchange;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.rabt.connectors.exchange.ExchangeConnector;
import org.rabt.config.web.ProblemErrorController;
import org.rabt.connectors.exchange.ExchangeRequests;
import org.rabt.connectors.exchange.IntakeError;
import org.rabt.routes.Json;
import org.rabt.routes.exchange.Problem;
import org.rabt.routes.exchange.Problems;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * The door of the exchange API, before any of it runs:
 * <ul>
 * <li>the two ports stay apart: the exchange API answers only on the exchange port (where every
 *     client has proven its certificate), and the staff API, console and actuator never answer
 *     there. The path is compared decoded, as Spring matches it, so {@code /%65xchange} is the
 *     exchange path too;</li>
 * <li>until the routes run, the exchange answers 503 (try again), not a 404 a sector could
 *     take for final;</li>
 * <li>each client certificate gets its share of requests ({@link ClientRateLimiter}); past it,
 *     429 with {@code Retry-After}, before the body is read;</li>
 * <li>a body is never held beyond the size limit: a declared length over it is refused at once,
 *     and a chunked body is cut off one byte past it, which the intake then refuses (413).</li>
 * </ul>
 */
public final class ExchangePortFilter extends OncePerRequestFilter {

    private static final String EXCHANGE_PATH = "/exchange/";
    private static final String BATCHES_PATH = "/batches";
    private static final UrlPathHelper PATHS = UrlPathHelper.defaultInstance;

    private final ExchangeConnector exchange;
    private final BooleanSupplier routesStarted;
    private final long maxBodyBytes;
    private final long maxBatchBytes;
    private final ClientRateLimiter rateLimiter;
    private final Supplier<Problems> problems;

    /**
     * @param problems records the refusals made here (rate limit, declared size) in the audit log; a
     *                 supplier because the filter is made with the web server, before the database
     *                 behind the audit log is up
     */
    public ExchangePortFilter(ExchangeConnector exchange, BooleanSupplier routesStarted, long maxBodyBytes,
            long maxBatchBytes, ClientRateLimiter rateLimiter, Supplier<Problems> problems) {
        this.exchange = exchange;
        this.routesStarted = routesStarted;
        this.maxBodyBytes = maxBodyBytes;
        this.maxBatchBytes = maxBatchBytes;
        this.rateLimiter = rateLimiter;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean onExchangePort = request.getLocalPort() == exchange.localPort();
        String path = PATHS.getPathWithinApplication(request);
        boolean exchangePath = path.startsWith(EXCHANGE_PATH) || path.equals("/exchange");
        if (onExchangePort != exchangePath) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!onExchangePort) {
            chain.doFilter(request, response);
            return;
        }
        if (!routesStarted.getAsBoolean()) {
            response.setHeader("Retry-After", "5");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        if (overLimit(request, response, path)) {
            return;
        }
        // a batch file is streamed to disk, so it may be larger than a card held in memory
        boolean batch = path.endsWith(BATCHES_PATH);
        long limit = batch ? maxBatchBytes : maxBodyBytes;
        if (request.getContentLengthLong() > limit) {
            String detail = "the body has " + request.getContentLengthLong() + " bytes; the limit is " + limit
                    + (batch ? " bytes (split the batch)" : " bytes (send attachments by reference)");
            request.setAttribute(ProblemErrorController.DETAIL_ATTRIBUTE, detail);
            IntakeError error = IntakeError.BODY_TOO_LARGE;
            problems.get().audit(Problem.of(error.code(), error.title(), error.httpStatus(), detail,
                    request.getRequestURI(), null), certificateOf(request), sectorOf(path), null);
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(new LimitedBody(request, limit), response);
    }

    /** Answers 429 and returns true when the client certificate has used up its share. */
    private boolean overLimit(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        X509Certificate certificate = certificateOf(request);
        if (!rateLimiter.enabled() || certificate == null) {
            return false; // without a certificate the route refuses the request (RABT-A001)
        }
        String subject = certificate.getSubjectX500Principal().getName();
        Duration wait = rateLimiter.tryAcquire(subject);
        if (wait.isZero()) {
            return false;
        }
        long retryAfter = ClientRateLimiter.retryAfterSeconds(wait);
        IntakeError error = IntakeError.RATE_LIMITED;
        Problem problem = Problem.of(error.code(), error.title(), error.httpStatus(), "this client certificate"
                + " has sent more requests than the hub takes from one sector system; nothing was stored: send"
                + " again after " + retryAfter + " s (same card id), and spread the load", request.getRequestURI(),
                null);
        if (rateLimiter.auditThisRefusal(subject)) {
            problems.get().audit(problem, certificate, sectorOf(path), null);
        }
        response.setStatus(error.httpStatus());
        response.setHeader("Retry-After", Long.toString(retryAfter));
        response.setContentType(Problem.MEDIA_TYPE);
        response.getOutputStream().write(Json.bytes(problem));
        return true;
    }

    private static X509Certificate certificateOf(HttpServletRequest request) {
        return ExchangeRequests.clientCertificate(request);
    }

    /** The sector the path names ({@code /exchange/v1/<sector>/...}), for the audit entry. */
    private static String sectorOf(String path) {
        String[] segments = path.split("/");
        return segments.length > 3 ? segments[3] : null;
    }

    /** Reads at most one byte past the limit, then ends the body and marks the request. */
    private static final class LimitedBody extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit + 1, this);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final HttpServletRequest request;
        private long remaining;

        LimitedStream(ServletInputStream in, long allowed, HttpServletRequest request) {
            this.in = in;
            this.remaining = allowed;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return cutOff();
            }
            int next = in.read();
            if (next >= 0) {
                remaining--;
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return cutOff();
            }
            int read = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }

        private int cutOff() {
            request.setAttribute(ExchangeRequests.BODY_TOO_LARGE_ATTRIBUTE, Boolean.TRUE);
            return -1;
        }

        @Override
        public boolean isFinished() {
            return remaining <= 0 || in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
