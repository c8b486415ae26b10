package com.jakebuysit.adapters.in.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.adapters.in.rest.errors.RateLimitExceptionMappers;
import com.jakebuysit.application.limits.RouteLimit;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The per-route limit ({@link RouteLimit}) on every request of the application port, before any
 * resource, body parsing or authentication runs: over the limit, 429 {@code RATE_LIMITED} in the
 * API's error shape with {@code Retry-After}. A servlet filter rather than a Jersey filter so it
 * also counts what never reaches a resource (unknown paths, Jersey's own 404/405s) and refuses
 * before a multipart body is read. Paths under an exempt prefix are not counted.
 */
public final class RouteLimitFilter implements Filter {

    public static final String LIMIT_HEADER = "X-RateLimit-Limit";
    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private final RouteLimit limit;
    private final ObjectMapper json;
    private final List<String> exemptPrefixes;

    /** @param exemptPrefixes paths not counted, e.g. {@code /health} for load balancer probes */
    public RouteLimitFilter(RouteLimit limit, ObjectMapper json, List<String> exemptPrefixes) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.json = Objects.requireNonNull(json, "json");
        this.exemptPrefixes = List.copyOf(exemptPrefixes);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || exempt(request)) {
            chain.doFilter(req, res);
            return;
        }
        RouteLimit.Verdict verdict = limit.check(bearerToken(request), request.getRemoteAddr());
        response.setHeader(LIMIT_HEADER, Integer.toString(verdict.limit()));
        response.setHeader(REMAINING_HEADER, Long.toString(verdict.remaining()));
        if (verdict.allowed()) {
            chain.doFilter(req, res);
            return;
        }
        long seconds = RateLimitExceptionMappers.retryAfterSeconds(verdict.retryAfter());
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(),
                RateLimitExceptionMappers.tooManyRequests(seconds, RouteLimit.WHAT, verdict.limit()));
    }

    private boolean exempt(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : exemptPrefixes) {
            if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < 7 || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).strip());
    }
}
