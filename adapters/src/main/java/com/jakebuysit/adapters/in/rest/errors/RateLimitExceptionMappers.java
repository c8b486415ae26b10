package com.jakebuysit.adapters.in.rest.errors;

import com.jakebuysit.application.limits.RateLimited;
import com.jakebuysit.application.port.RateLimiter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits in the API's error shape: a spent allowance is 429 {@code RATE_LIMITED}, a limit that
 * fails closed while its counters are unreachable (login, password reset) is 503
 * {@code SERVICE_UNAVAILABLE}; both say when to come back in {@code Retry-After}.
 */
public final class RateLimitExceptionMappers {

    /** How long a client waits before trying a fail-closed limit again while Redis is down. */
    public static final Duration UNAVAILABLE_RETRY_AFTER = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitExceptionMappers.class);

    private RateLimitExceptionMappers() {
    }

    /** Whole seconds, rounded up, at least one: a client that waits that long is let in. */
    public static long retryAfterSeconds(Duration retryAfter) {
        return AccountExceptionMappers.retryAfterSeconds(retryAfter);
    }

    /** The 429 body; {@code what} names the limit as the {@code rate_limits} row does. */
    public static ApiError tooManyRequests(long retryAfterSeconds, String what, int limit) {
        return new ApiError("Too many requests; try again in " + retryAfterSeconds + " s", "RATE_LIMITED", 429,
                Map.of("retryAfterSeconds", retryAfterSeconds, "limit", what, "allowed", limit));
    }

    public static final class RateLimitedMapper implements ExceptionMapper<RateLimited> {
        @Override
        public Response toResponse(RateLimited refused) {
            long seconds = retryAfterSeconds(refused.retryAfter());
            return Response.status(429)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", Long.toString(seconds))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .entity(tooManyRequests(seconds, refused.what(), refused.limit()))
                    .build();
        }
    }

    public static final class LimiterUnavailableMapper implements ExceptionMapper<RateLimiter.Unavailable> {
        @Override
        public Response toResponse(RateLimiter.Unavailable unavailable) {
            long seconds = retryAfterSeconds(UNAVAILABLE_RETRY_AFTER);
            // The cause (a Redis address) stays in the log, not in the answer.
            LOG.warn("a limit that fails closed could not be checked; answered 503: {}", unavailable.getMessage());
            return Response.status(503)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", Long.toString(seconds))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .entity(new ApiError("This request cannot be checked against its limit right now; try again"
                            + " shortly", "SERVICE_UNAVAILABLE", 503, Map.of("retryAfterSeconds", seconds)))
                    .build();
        }
    }
}
