package com.jakebuysit.domain.fraud;

import com.jakebuysit.domain.rules.FraudSettings;

/**
 * How many offers one seller may start: per account per hour and per day, per IP address per day
 * for anonymous sellers. Counts are the offers already started in the window, not counting the one
 * being asked for; reaching the limit rejects the next one (the API answers 429).
 */
public final class VelocityRule {

    public static final String USER_HOUR = "velocity.user_per_hour";
    public static final String USER_DAY = "velocity.user_per_day";
    public static final String ANONYMOUS_IP_DAY = "velocity.anonymous_per_ip_per_day";

    private VelocityRule() {
    }

    public static Assessment forUser(int offersLastHour, int offersLastDay, FraudSettings settings) {
        requireCount(offersLastHour);
        requireCount(offersLastDay);
        return Assessment.combine(
                offersLastHour >= settings.userOffersPerHour()
                        ? Assessment.reject(USER_HOUR, "already " + offersLastHour + " offers in the last hour (limit "
                                + settings.userOffersPerHour() + ")")
                        : Assessment.pass(),
                offersLastDay >= settings.userOffersPerDay()
                        ? Assessment.reject(USER_DAY, "already " + offersLastDay + " offers in the last day (limit "
                                + settings.userOffersPerDay() + ")")
                        : Assessment.pass());
    }

    public static Assessment forAnonymous(int offersFromIpLastDay, FraudSettings settings) {
        requireCount(offersFromIpLastDay);
        return offersFromIpLastDay >= settings.anonymousOffersPerIpPerDay()
                ? Assessment.reject(ANONYMOUS_IP_DAY, "already " + offersFromIpLastDay
                        + " anonymous offers from this IP address in the last day (limit "
                        + settings.anonymousOffersPerIpPerDay() + ")")
                : Assessment.pass();
    }

    private static void requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("an offer count cannot be negative: " + count);
        }
    }
}
