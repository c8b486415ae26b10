package com.jakebuysit.domain.rules;

/** The {@code rate_limits} config row: requests per minute per account (or IP address) on every route. */
public record RateLimitRules(int routePerMinute) {

    public RateLimitRules {
        Checks.atLeast(routePerMinute, 1, "routePerMinute");
    }

    public static RateLimitRules defaults() {
        return new RateLimitRules(100);
    }
}
