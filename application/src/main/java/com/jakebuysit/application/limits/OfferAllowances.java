package com.jakebuysit.application.limits;

import com.jakebuysit.application.port.RateLimiter;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.rules.RateLimitRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How many offers a seller may start: {@code offersPerHour} and {@code offersPerDay} per account,
 * {@code anonymousOffersPerIpPerDay} per client address for anonymous sellers. Taken before the
 * submission is worked on, so concurrent submissions can never pass the limit, and given back
 * when the submission is refused (API: a refused request does not spend an allowance).
 *
 * <p>With the counters unreachable the allowances are skipped (fail open): the intake fraud
 * screening still counts the seller's offers in PostgreSQL and rejects those over the limit.
 */
public final class OfferAllowances {

    public static final String KEY_PREFIX = "offers:";
    static final Duration HOUR = Duration.ofHours(1);
    static final Duration DAY = Duration.ofDays(1);

    private final RateLimiter limiter;
    private final LimiterOutage outage;

    public OfferAllowances(RateLimiter limiter, LimiterOutage outage) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.outage = Objects.requireNonNull(outage, "outage");
    }

    /** What one submission took; {@link #giveBack()} returns it when the submission is refused. */
    public final class Taken {

        private final List<String> keys;

        private Taken(List<String> keys) {
            this.keys = List.copyOf(keys);
        }

        public void giveBack() {
            release(keys);
        }

        List<String> keys() {
            return keys;
        }
    }

    /**
     * Takes one offer from each of the seller's allowances.
     *
     * @throws RateLimited when one is spent; nothing stays taken then
     */
    public Taken take(Optional<UserId> seller, Optional<String> clientIp, RateLimitRules limits) {
        List<Allowance> wanted = seller.isPresent()
                ? List.of(new Allowance(KEY_PREFIX + "account:" + seller.get() + ":hour", limits.offersPerHour(), HOUR,
                        "offersPerHour"),
                        new Allowance(KEY_PREFIX + "account:" + seller.get() + ":day", limits.offersPerDay(), DAY,
                                "offersPerDay"))
                : List.of(new Allowance(KEY_PREFIX + "ip:" + clientIp.orElse("unknown") + ":day",
                        limits.anonymousOffersPerIpPerDay(), DAY, "anonymousOffersPerIpPerDay"));
        List<String> taken = new ArrayList<>();
        for (Allowance allowance : wanted) {
            RateLimiter.Decision decision;
            try {
                decision = limiter.acquire(allowance.key(), allowance.limit(), allowance.window());
            } catch (RateLimiter.Unavailable e) {
                // Fail open: whatever was taken goes back (if it can), the fraud screening counts instead.
                outage.served(e);
                release(taken);
                return new Taken(List.of());
            }
            if (!decision.allowed()) {
                release(taken);
                throw new RateLimited(decision.retryAfter(), allowance.what(), allowance.limit());
            }
            taken.add(allowance.key());
        }
        return new Taken(taken);
    }

    private void release(List<String> keys) {
        for (String key : keys) {
            try {
                limiter.release(key);
            } catch (RateLimiter.Unavailable e) {
                // The unit stays spent until its window ends: the seller loses one offer, nobody gains one.
                outage.served(e);
            }
        }
    }

    private record Allowance(String key, int limit, Duration window, String what) {
    }
}
