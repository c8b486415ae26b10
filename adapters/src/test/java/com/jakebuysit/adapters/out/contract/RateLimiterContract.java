package com.jakebuysit.adapters.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.application.port.RateLimiter;
import com.jakebuysit.application.port.RateLimiter.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} adapter promises; each adapter's test extends this. */
public abstract class RateLimiterContract {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** The adapter under test, with no counters at the start of each test. */
    protected abstract RateLimiter limiter();

    /** Lets at least {@code duration} pass as the limiter sees time. */
    protected abstract void elapse(Duration duration);

    @Test
    void grants_up_to_the_limit_then_refuses_until_the_window_ends() {
        assertThat(limiter().acquire("login:ip", 3, MINUTE)).isEqualTo(new Decision(true, 2, Duration.ZERO));
        assertThat(limiter().acquire("login:ip", 3, MINUTE)).isEqualTo(new Decision(true, 1, Duration.ZERO));
        assertThat(limiter().acquire("login:ip", 3, MINUTE)).isEqualTo(new Decision(true, 0, Duration.ZERO));

        Decision refused = limiter().acquire("login:ip", 3, MINUTE);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(MINUTE);
    }

    @Test
    void grants_exactly_the_limit_to_fifty_concurrent_callers() throws Exception {
        List<Decision> decisions = callConcurrently(50, 1, () -> limiter().acquire("offers:user-1", 20, MINUTE));

        assertThat(decisions).hasSize(50);
        assertThat(decisions).filteredOn(Decision::allowed).hasSize(20);
        assertThat(decisions).filteredOn(d -> !d.allowed())
                .allSatisfy(d -> assertThat(d.retryAfter()).isPositive().isLessThanOrEqualTo(MINUTE));
    }

    @Test
    void grants_exactly_the_limit_when_fifty_callers_each_try_repeatedly() throws Exception {
        List<Decision> decisions = callConcurrently(50, 8, () -> limiter().acquire("offers:user-2", 37, MINUTE));

        assertThat(decisions).hasSize(400);
        assertThat(decisions).filteredOn(Decision::allowed).hasSize(37);
    }

    @Test
    void opens_a_new_window_once_the_window_has_passed() {
        Duration window = Duration.ofSeconds(1);
        limiter().acquire("k", 2, window);
        limiter().acquire("k", 2, window);
        assertThat(limiter().acquire("k", 2, window).allowed()).isFalse();

        elapse(Duration.ofMillis(1100));

        assertThat(limiter().acquire("k", 2, window)).isEqualTo(new Decision(true, 1, Duration.ZERO));
    }

    @Test
    void a_refused_call_does_not_extend_the_window() {
        Duration window = Duration.ofSeconds(1);
        assertThat(limiter().acquire("k", 1, window).allowed()).isTrue();
        Decision first = limiter().acquire("k", 1, window);
        elapse(Duration.ofMillis(100));

        Decision second = limiter().acquire("k", 1, window);

        assertThat(second.allowed()).isFalse();
        assertThat(second.retryAfter()).isLessThan(first.retryAfter());
        elapse(second.retryAfter().plusMillis(50));
        assertThat(limiter().acquire("k", 1, window).allowed()).isTrue();
    }

    @Test
    void a_released_call_can_be_granted_again_within_the_same_window() {
        limiter().acquire("login-failures:a@b.co", 2, MINUTE);
        Decision second = limiter().acquire("login-failures:a@b.co", 2, MINUTE);
        assertThat(limiter().acquire("login-failures:a@b.co", 2, MINUTE).allowed()).isFalse();

        limiter().release("login-failures:a@b.co");

        assertThat(limiter().acquire("login-failures:a@b.co", 2, MINUTE)).isEqualTo(new Decision(true, 0, Duration.ZERO));
        Decision refused = limiter().acquire("login-failures:a@b.co", 2, MINUTE);
        assertThat(refused.allowed()).isFalse();
        assertThat(second.allowed()).isTrue();
    }

    @Test
    void releasing_what_was_never_granted_grants_nothing_extra() {
        limiter().release("never-used");
        limiter().release("never-used");

        assertThat(limiter().acquire("never-used", 1, MINUTE).allowed()).isTrue();
        assertThat(limiter().acquire("never-used", 1, MINUTE).allowed()).isFalse();
        limiter().release("never-used");
        limiter().release("never-used");
        assertThat(limiter().acquire("never-used", 1, MINUTE).allowed()).isTrue();
        assertThat(limiter().acquire("never-used", 1, MINUTE).allowed()).isFalse();
    }

    @Test
    void a_release_does_not_extend_the_window() {
        Duration window = Duration.ofSeconds(1);
        limiter().acquire("k", 2, window);
        assertThat(limiter().acquire("k", 2, window).allowed()).isTrue();
        Decision before = limiter().acquire("k", 2, window);
        elapse(Duration.ofMillis(100));
        limiter().release("k");
        assertThat(limiter().acquire("k", 2, window).allowed()).isTrue();

        Decision after = limiter().acquire("k", 2, window);

        assertThat(before.allowed()).isFalse();
        assertThat(after.allowed()).isFalse();
        assertThat(after.retryAfter()).isLessThan(before.retryAfter());
    }

    @Test
    void counts_each_key_apart() {
        limiter().acquire("a", 1, MINUTE);

        assertThat(limiter().acquire("a", 1, MINUTE).allowed()).isFalse();
        assertThat(limiter().acquire("b", 1, MINUTE).allowed()).isTrue();
    }

    @Test
    void rejects_a_limit_or_window_that_could_never_grant() {
        assertThatThrownBy(() -> limiter().acquire("k", 0, MINUTE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter().acquire("k", 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Starts all callers together, so they really contend for the same counter. */
    private static List<Decision> callConcurrently(int callers, int callsEach, Callable<Decision> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch ready = new CountDownLatch(callers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Decision>>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    List<Decision> mine = new ArrayList<>();
                    for (int j = 0; j < callsEach; j++) {
                        mine.add(call.call());
                    }
                    return mine;
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Decision> all = new ArrayList<>();
            for (Future<List<Decision>> future : futures) {
                all.addAll(future.get(10, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
