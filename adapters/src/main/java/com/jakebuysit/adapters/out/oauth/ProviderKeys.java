package com.jakebuysit.adapters.out.oauth;

import com.auth0.jwt.algorithms.Algorithm;
import com.jakebuysit.application.port.IdentityVerifier.InvalidIdentityToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider's key set: fetched on demand, kept as long as the response's Cache-Control allows,
 * refetched at most once per {@link #MIN_REFETCH_INTERVAL} when a token names a key we do not
 * know. Fetches are single-flight: callers that need keys while a fetch is running wait for its
 * result (success or failure) instead of starting their own.
 */
final class ProviderKeys {

    static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);
    static final Duration LONGEST_MAX_AGE = Duration.ofDays(1);
    static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);
    static final int MAX_BODY_BYTES = 512 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ProviderKeys.class);

    /** What the last fetch left behind; {@code generation} counts attempts, failed ones included. */
    private record State(JsonWebKeys keys, Instant expiresAt, long generation, Instant lastAttempt, String failure) {

        boolean freshAt(Instant now) {
            return failure == null && generation > 0 && now.isBefore(expiresAt);
        }
    }

    private final String name;
    private final URI jwksUrl;
    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile State state = new State(JsonWebKeys.empty(), Instant.MIN, 0, null, null);

    ProviderKeys(String name, URI jwksUrl, HttpClient http, Clock clock, Duration timeout) {
        this.name = name;
        this.jwksUrl = jwksUrl;
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * The algorithm bound to {@code kid}, from the cached set when it is fresh, otherwise from a
     * fetch; an unknown kid in a cached set earns one refetch unless one happened recently.
     *
     * @throws InvalidIdentityToken when the key set cannot be fetched
     */
    Optional<Algorithm> algorithmFor(String kid) {
        State seen = state;
        if (!seen.freshAt(clock.instant())) {
            return refresh(seen, false).keys().algorithmFor(kid);
        }
        Optional<Algorithm> cached = seen.keys().algorithmFor(kid);
        if (cached.isPresent()) {
            return cached;
        }
        return refresh(seen, true).keys().algorithmFor(kid);
    }

    private State refresh(State seen, boolean rateLimited) {
        fetching.lock();
        try {
            State current = state;
            if (current.generation() != seen.generation()) {
                // Someone fetched while we waited for the lock: share their outcome.
                return orThrow(current);
            }
            Instant now = clock.instant();
            if (rateLimited && current.lastAttempt() != null
                    && now.isBefore(current.lastAttempt().plus(MIN_REFETCH_INTERVAL))) {
                return current;
            }
            State next;
            try {
                Fetched fetched = fetch();
                next = new State(fetched.keys(), now.plus(fetched.maxAge()), current.generation() + 1, now, null);
                LOG.debug("fetched {} signing keys {} (cached for {})", name, fetched.keys().kids(), fetched.maxAge());
            } catch (Unavailable e) {
                LOG.warn("{} signing keys unavailable from {}: {}", name, jwksUrl, e.getMessage());
                next = new State(current.keys(), Instant.MIN, current.generation() + 1, now, e.getMessage());
            }
            state = next;
            return orThrow(next);
        } finally {
            fetching.unlock();
        }
    }

    private State orThrow(State state) {
        if (state.failure() != null) {
            throw new InvalidIdentityToken(name + " signing keys unavailable");
        }
        return state;
    }

    private record Fetched(JsonWebKeys keys, Duration maxAge) {
    }

    private static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private Fetched fetch() throws Unavailable {
        HttpRequest request = HttpRequest.newBuilder(jwksUrl)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, info -> new CappedBody());
        HttpResponse<byte[]> response;
        try {
            // The request timeout stops at the headers; this one also covers a body that trickles.
            response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new Unavailable("timed out after " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new Unavailable(cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
        if (response.statusCode() != 200) {
            throw new Unavailable("HTTP " + response.statusCode());
        }
        try {
            JsonWebKeys keys = JsonWebKeys.parse(response.body());
            return new Fetched(keys, maxAge(response.headers().allValues("Cache-Control"),
                    response.headers().firstValue("Age").orElse(null)));
        } catch (IllegalArgumentException e) {
            throw new Unavailable(e.getMessage());
        }
    }

    /**
     * How long a response may be kept: {@code no-store} or {@code no-cache} → not at all,
     * {@code max-age} (less {@code Age}, at most a day) when given, else {@link #DEFAULT_MAX_AGE}.
     */
    static Duration maxAge(List<String> cacheControl, String age) {
        Duration maxAge = null;
        for (String header : cacheControl) {
            for (String directive : header.split(",")) {
                String d = directive.trim().toLowerCase(Locale.ROOT);
                if (d.equals("no-store") || d.equals("no-cache")) {
                    return Duration.ZERO;
                }
                if (d.startsWith("max-age=")) {
                    try {
                        long seconds = Long.parseLong(d.substring("max-age=".length()).replace("\"", "").trim());
                        maxAge = Duration.ofSeconds(Math.max(0, seconds));
                    } catch (NumberFormatException e) {
                        return Duration.ZERO;
                    }
                }
            }
        }
        if (maxAge == null) {
            return DEFAULT_MAX_AGE;
        }
        maxAge = maxAge.minusSeconds(seconds(age));
        if (maxAge.isNegative()) {
            return Duration.ZERO;
        }
        return maxAge.compareTo(LONGEST_MAX_AGE) > 0 ? LONGEST_MAX_AGE : maxAge;
    }

    private static long seconds(String age) {
        try {
            return age == null ? 0 : Math.max(0, Long.parseLong(age.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Collects the body, giving up past {@link #MAX_BODY_BYTES} so a key set cannot fill the heap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > MAX_BODY_BYTES) {
                    subscription.cancel();
                    body.completeExceptionally(new IOException("key set larger than " + MAX_BODY_BYTES + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
