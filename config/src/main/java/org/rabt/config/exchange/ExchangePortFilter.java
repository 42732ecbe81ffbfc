package org.rabt.config.exchange;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the two ports apart: the exchange API answers only on the exchange port (where every
 * client has proven its certificate), and the staff API, console and actuator never answer there.
 */
public final class ExchangePortFilter extends OncePerRequestFilter {

    private static final String EXCHANGE_PATH = "/exchange/";

    private final ExchangeConnector exchange;

    public ExchangePortFilter(ExchangeConnector exchange) {
        this.exchange = exchange;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean onExchangePort = request.getLocalPort() == exchange.localPort();
        boolean exchangePath = request.getRequestURI().startsWith(EXCHANGE_PATH);
        if (onExchangePort != exchangePath) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
