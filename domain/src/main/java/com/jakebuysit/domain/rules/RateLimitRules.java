package com.jakebuysit.domain.rules;

/**
 * The {@code rate_limits} config row: requests per minute per account (or IP address) on every
 * route, and the offer allowances: per account per hour and per day, per IP address per day for
 * anonymous sellers. Every limit grants at least one call; an hourly allowance above the daily one
 * would never count, so it is refused.
 */
public record RateLimitRules(int routePerMinute, int offersPerHour, int offersPerDay, int anonymousOffersPerIpPerDay) {

    public RateLimitRules {
        Checks.atLeast(routePerMinute, 1, "routePerMinute");
        Checks.atLeast(offersPerHour, 1, "offersPerHour");
        Checks.atLeast(offersPerDay, 1, "offersPerDay");
        Checks.atLeast(anonymousOffersPerIpPerDay, 1, "anonymousOffersPerIpPerDay");
        Checks.ordered(offersPerHour, "offersPerHour", offersPerDay, "offersPerDay");
    }

    public static RateLimitRules defaults() {
        return new RateLimitRules(100, 5, 20, 3);
    }

    public RateLimitRules withRoutePerMinute(int value) {
        return new RateLimitRules(value, offersPerHour, offersPerDay, anonymousOffersPerIpPerDay);
    }
}
