package com.jakebuysit.adapters.out.http;

import com.jakebuysit.application.port.ProviderFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider's HTTP endpoint: POSTs JSON with a per-attempt deadline that covers the whole
 * exchange (connect, headers and body), retries 5xx answers, connection errors and timeouts with
 * backoff, and turns everything else into a {@link ProviderFailure}.
 *
 * <p>4xx answers are never retried: asking the same question again gets the same answer. They
 * fail as not retryable, except 408 and 429, which say "later" and so are marked retryable for the
 * caller's own (slower) retry, without being retried here.
 */
final class ProviderHttp {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderHttp.class);

    /** The answer to one POST: only ever a 2xx. */
    record Reply(int status, String contentType, byte[] body) {
    }

    private final String provider;
    private final URI base;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final long maxBodyBytes;
    private final HttpClient client;

    ProviderHttp(String provider, URI base, Duration timeout, RetryPolicy retry, long maxBodyBytes) {
        this.provider = Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(base, "base URL");
        if (base.getScheme() == null || !base.getScheme().matches("https?") || base.getHost() == null) {
            throw new IllegalArgumentException(provider + " URL must be an absolute http(s) URL, was " + base);
        }
        this.base = base;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        this.retry = Objects.requireNonNull(retry, "retry");
        this.maxBodyBytes = maxBodyBytes;
        // HTTP/1.1: plain-http internal services (uvicorn, gunicorn) do not all take the h2c upgrade well.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    String provider() {
        return provider;
    }

    /** POSTs {@code json} to {@code path} (relative to the base URL) and returns the 2xx answer. */
    Reply post(String path, byte[] json, String accept) {
        URI uri = resolve(path);
        String lastProblem = "no attempt made";
        Throwable lastCause = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            try {
                HttpResponse<byte[]> response = sendOnce(uri, json, accept);
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    String contentType = response.headers().firstValue("Content-Type").orElse("");
                    return new Reply(status, contentType, response.body() == null ? new byte[0] : response.body());
                }
                if (status < 500) {
                    boolean later = status == 408 || status == 429;
                    throw new ProviderFailure(provider, later, "POST " + path + " answered " + status + snippet(response.body()), null);
                }
                lastProblem = "POST " + path + " answered " + status + snippet(response.body());
                lastCause = null;
            } catch (HttpTimeoutException e) {
                lastProblem = "POST " + path + " timed out after " + timeout.toMillis() + " ms";
                lastCause = e;
            } catch (IOException e) {
                lastProblem = "POST " + path + " failed: " + e;
                lastCause = e;
            }
            if (attempt < retry.maxAttempts()) {
                Duration wait = retry.backoffAfter(attempt);
                LOG.warn("{}: {} (attempt {} of {}), retrying in {} ms", provider, lastProblem, attempt,
                        retry.maxAttempts(), wait.toMillis());
                pause(wait, path);
            }
        }
        throw new ProviderFailure(provider, true,
                "gave up after " + retry.maxAttempts() + " attempts: " + lastProblem, lastCause);
    }

    private HttpResponse<byte[]> sendOnce(URI uri, byte[] json, String accept) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .header("User-Agent", "jakebuysit-backend")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request, info -> new BoundedBody(maxBodyBytes));
        try {
            // The request timeout stops at the response headers; this deadline also covers a body that trickles.
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderFailure(provider, true, "interrupted while waiting for " + uri.getPath(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BodyTooLarge tooLarge) {
                throw new ProviderFailure(provider, false, tooLarge.getMessage(), tooLarge);
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(String.valueOf(cause), cause);
        }
    }

    private void pause(Duration wait, String path) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure(provider, true, "interrupted before retrying " + path, e);
        }
    }

    private URI resolve(String path) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return URI.create(root).resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** A short, single-line piece of an error body for the log and the failure message. */
    static String snippet(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, 200), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("[\\r\\n\\t]+", " ").strip();
        return text.isEmpty() ? "" : ": " + text;
    }

    ProviderFailure malformed(String path, String problem) {
        return new ProviderFailure(provider, false, "POST " + path + " answered something unusable: " + problem, null);
    }

    ProviderFailure malformed(String path, String problem, Throwable cause) {
        return new ProviderFailure(provider, false, "POST " + path + " answered something unusable: " + problem, cause);
    }

    /** An answer longer than the provider may send. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(long limit) {
            super("the answer is larger than " + limit + " bytes");
        }
    }

    /** Collects a body up to a limit and gives up (cancelling the stream) past it. */
    static final class BoundedBody implements BodySubscriber<byte[]> {

        private final long limit;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        BoundedBody(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (buffer.size() + (long) item.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLarge(limit));
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                buffer.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }
}
