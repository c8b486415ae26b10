package com.jakebuysit.application.limits;

import com.jakebuysit.application.port.AccessTokens;
import com.jakebuysit.application.port.RateLimiter;
import com.jakebuysit.application.port.RulesConfig;
import com.jakebuysit.domain.rules.RateLimitRules;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The limit on every application route: {@code rate_limits.routePerMinute} requests per minute
 * per account (the subject of a valid bearer token), or per client address when the token is
 * absent or not one we signed. Fails open when the counters are unreachable (see {@link RateLimiter}).
 */
public final class RouteLimit {

    public static final String KEY_PREFIX = "route:";
    public static final Duration WINDOW = Duration.ofMinutes(1);
    public static final String WHAT = "routePerMinute";

    /** The answer for one request; {@code retryAfter} is zero when served. */
    public record Verdict(boolean allowed, int limit, long remaining, Duration retryAfter) {
    }

    private static final System.Logger LOG = System.getLogger(RouteLimit.class.getName());

    private final RateLimiter limiter;
    private final RulesConfig rules;
    private final AccessTokens tokens;
    private final LimiterOutage outage;
    private final Clock clock;
    private volatile int lastKnownLimit = RateLimitRules.defaults().routePerMinute();

    public RouteLimit(RateLimiter limiter, RulesConfig rules, AccessTokens tokens, LimiterOutage outage, Clock clock) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.outage = Objects.requireNonNull(outage, "outage");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Counts one request.
     *
     * @param bearerToken the request's bearer token, if it carried one
     * @param clientAddress the client's address (already resolved through trusted proxies)
     */
    public Verdict check(Optional<String> bearerToken, String clientAddress) {
        String key = KEY_PREFIX + subject(bearerToken).orElseGet(() -> "ip:" + clientAddress);
        int limit = limit();
        try {
            RateLimiter.Decision decision = limiter.acquire(key, limit, WINDOW);
            return new Verdict(decision.allowed(), limit, decision.remaining(), decision.retryAfter());
        } catch (RateLimiter.Unavailable e) {
            outage.served(e);
            return new Verdict(true, limit, limit, Duration.ZERO);
        }
    }

    private Optional<String> subject(Optional<String> bearerToken) {
        return bearerToken.filter(token -> !token.isBlank())
                .flatMap(token -> tokens.verify(token, clock.instant()))
                .map(claims -> "account:" + claims.userId());
    }

    /** The configured limit; the last one read if the config row cannot be read now. */
    private int limit() {
        try {
            int limit = rules.current().rateLimits().routePerMinute();
            lastKnownLimit = limit;
            return limit;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "rate_limits not readable, using the last known route limit", e);
            return lastKnownLimit;
        }
    }
}
