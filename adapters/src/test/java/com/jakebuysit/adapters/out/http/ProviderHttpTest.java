package com.jakebuysit.adapters.out.http;

import static com.jakebuysit.adapters.out.http.StubProvider.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.application.port.ProviderFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProviderHttpTest {

    @Test
    void an_answer_larger_than_the_limit_is_refused_without_retry() throws IOException {
        try (StubProvider stub = new StubProvider()) {
            stub.on("/big", answer(200, "application/json", new byte[4 * 1024]));
            ProviderHttp http = new ProviderHttp("test", stub.base(), Duration.ofSeconds(2),
                    new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1)), 1024);

            assertThatThrownBy(() -> http.post("/big", "{}".getBytes(), "application/json"))
                    .isInstanceOfSatisfying(ProviderFailure.class, failure -> {
                        assertThat(failure.retryable()).isFalse();
                        assertThat(failure).hasMessageContaining("larger than 1024 bytes");
                    });
            assertThat(stub.hits("/big")).isEqualTo(1);
        }
    }

    @Test
    void backoff_doubles_with_jitter_and_is_capped() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(300));

        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoffAfter(1).toMillis()).isBetween(50L, 100L);
            assertThat(policy.backoffAfter(2).toMillis()).isBetween(100L, 200L);
            assertThat(policy.backoffAfter(3).toMillis()).isBetween(150L, 300L);
            assertThat(policy.backoffAfter(40).toMillis()).isBetween(150L, 300L);
        }
        assertThat(RetryPolicy.standard().maxAttempts()).isEqualTo(3);
    }

    @Test
    void a_policy_needs_one_attempt_and_ordered_backoffs() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
