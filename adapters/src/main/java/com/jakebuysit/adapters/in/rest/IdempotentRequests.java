package com.jakebuysit.adapters.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jakebuysit.adapters.in.rest.errors.ApiException;
import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.IdempotencyKeys;
import com.jakebuysit.application.port.IdempotencyKeys.Claim;
import com.jakebuysit.application.port.IdempotencyKeys.Claimed;
import com.jakebuysit.application.port.IdempotencyKeys.Completed;
import com.jakebuysit.application.port.IdempotencyKeys.KeyReused;
import com.jakebuysit.application.port.IdempotencyKeys.Scope;
import com.jakebuysit.application.port.IdempotencyKeys.StoredResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code Idempotency-Key} header, as Stripe has it, for the resource methods that move money
 * or create shipments: the first request with a key runs and its response (status and JSON body)
 * is kept; a retry with the same key and request gets that response again instead of a second
 * effect. A resource method wraps its work in {@link #run}.
 */
public final class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Logger LOG = LoggerFactory.getLogger(IdempotentRequests.class);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Duration FIRST_PAUSE = Duration.ofMillis(20);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(250);

    /**
     * Renders an exception thrown by a request's work exactly as the application's exception
     * mappers would; empty for an exception that is unexpected (no mapper but the catch-all) or a
     * server error, whose response is never kept.
     */
    @FunctionalInterface
    public interface ErrorResponses {
        Optional<Response> render(RuntimeException exception);
    }

    /**
     * @param keyLifetime       how long a key is remembered, from its first use (24 h)
     * @param waitForInProgress how long a request waits for another one running under its key (10 s)
     */
    public record Settings(Duration keyLifetime, Duration waitForInProgress) {
        public Settings {
            if (keyLifetime.isNegative() || keyLifetime.isZero() || waitForInProgress.isNegative()) {
                throw new IllegalArgumentException("keyLifetime must be positive and waitForInProgress not negative");
            }
        }
    }

    private final IdempotencyKeys keys;
    private final ErrorResponses errors;
    private final ObjectMapper json;
    private final Clock clock;
    private final Settings settings;

    public IdempotentRequests(IdempotencyKeys keys, ErrorResponses errors, ObjectMapper json, Clock clock,
                              Settings settings) {
        this.keys = keys;
        this.errors = errors;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Runs {@code action} at most once per key: the caller's account is the key's scope, or the
     * client address for an anonymous caller.
     *
     * @param idempotencyKey the {@code Idempotency-Key} header; empty runs the action as normal
     * @param method         the HTTP method, e.g. {@code POST}
     * @param path           the request path as called, e.g. {@code /api/v1/offers/<id>/accept}
     * @param parsedBody     the request body as the resource parsed it (a record, a map, or null);
     *                       hashed as canonical JSON, so spacing and field order do not matter
     * @param action         the work; returns the response, or throws an API/domain error
     */
    public Response run(Optional<String> idempotencyKey, AuditLog.Actor actor, String method, String path,
                        Object parsedBody, Supplier<Response> action) {
        return run(idempotencyKey, scopeOf(actor), method, path, parsedBody, action);
    }

    /** As {@link #run(Optional, AuditLog.Actor, String, String, Object, Supplier)}, with the scope given. */
    public Response run(Optional<String> idempotencyKey, Scope scope, String method, String path,
                        Object parsedBody, Supplier<Response> action) {
        if (idempotencyKey.isEmpty()) {
            return action.get();
        }
        String key = idempotencyKey.get();
        if (!VALID_KEY.matcher(key).matches()) {
            throw new ApiException(400, "INVALID_IDEMPOTENCY_KEY",
                    HEADER + " must be 1 to 255 visible ASCII characters", Map.of("header", HEADER), Map.of());
        }
        String hash = requestHash(method, path, parsedBody);
        long deadline = System.nanoTime() + settings.waitForInProgress().toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            Instant now = clock.instant();
            Claim claim = keys.claim(scope, key, hash, now, now.plus(settings.keyLifetime()));
            if (claim instanceof Claimed claimed) {
                return runClaimed(claimed.id(), action);
            }
            if (claim instanceof Completed completed) {
                return replay(completed.response());
            }
            if (claim instanceof KeyReused) {
                throw new ApiException(422, "IDEMPOTENCY_KEY_REUSED",
                        "This " + HEADER + " was already used for a different request",
                        Map.of("header", HEADER), Map.of());
            }
            // In progress: wait for the other request to finish, then replay its answer.
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw inProgress();
            }
            sleep(Math.min(pause.toNanos(), left));
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    /** The key's scope for this caller: their account, or the client address when anonymous. */
    public static Scope scopeOf(AuditLog.Actor actor) {
        if (actor.actorId().isPresent()) {
            return Scope.account(actor.actorId().get());
        }
        return Scope.address(actor.ip().filter(ip -> !ip.isBlank()).orElse("unknown"));
    }

    /** SHA-256 (hex) of the method, the path and the body as canonical JSON (keys sorted, no spacing). */
    public String requestHash(String method, String path, Object parsedBody) {
        String canonical;
        try {
            canonical = parsedBody == null ? "null" : json.writeValueAsString(sorted(json.valueToTree(parsedBody)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot hash the request body of " + method + " " + path, e);
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(method.toUpperCase(Locale.ROOT), path, canonical)) {
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private Response runClaimed(UUID claim, Supplier<Response> action) {
        Response response;
        try {
            response = action.get();
        } catch (RuntimeException e) {
            Optional<Response> refusal = render(e);
            if (refusal.isEmpty() || refusal.get().getStatus() >= 500) {
                abandon(claim, e);
                throw e;
            }
            response = refusal.get();
        } catch (Error e) {
            abandon(claim, e);
            throw e;
        }
        if (response.getStatus() >= 500) {
            abandon(claim, null);
            return response;
        }
        Optional<String> body;
        try {
            body = bodyOf(response);
        } catch (RuntimeException e) {
            abandon(claim, e);
            throw e;
        }
        Optional<StoredResponse> stored;
        try {
            stored = keys.complete(claim, response.getStatus(), body, clock.instant());
        } catch (RuntimeException e) {
            // The work is done; its answer still goes to the client. The claim stays in progress
            // until it expires, so a retry is told to wait (409), never run twice.
            LOG.error("could not store the response of an idempotent request", e);
            stored = Optional.empty();
        }
        if (stored.isEmpty()) {
            LOG.warn("the idempotency claim was gone when its response was stored; answering without keeping it");
        }
        return firstAnswer(response, stored.map(StoredResponse::body).orElse(body));
    }

    private Optional<Response> render(RuntimeException e) {
        try {
            return errors.render(e);
        } catch (RuntimeException renderingFailed) {
            e.addSuppressed(renderingFailed);
            return Optional.empty();
        }
    }

    private void abandon(UUID claim, Throwable cause) {
        try {
            keys.abandon(claim);
        } catch (RuntimeException e) {
            // The claim stays until it expires; retries with this key get 409 until then.
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                LOG.error("could not abandon an idempotency claim", e);
            }
        }
    }

    /** The action's own answer, its body as stored, so it is byte for byte what a replay sends. */
    private static Response firstAnswer(Response original, Optional<String> body) {
        Response.ResponseBuilder builder = Response.status(original.getStatus());
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        body.ifPresent(text -> builder.type(MediaType.APPLICATION_JSON_TYPE).entity(text));
        return builder.build();
    }

    private static Response replay(StoredResponse stored) {
        Response.ResponseBuilder builder = Response.status(stored.status()).header(REPLAYED_HEADER, "true");
        stored.body().ifPresent(text -> builder.type(MediaType.APPLICATION_JSON_TYPE).entity(text));
        return builder.build();
    }

    private static ApiException inProgress() {
        return new ApiException(409, "IDEMPOTENCY_KEY_IN_PROGRESS",
                "A request with this " + HEADER + " is still being processed; retry shortly",
                Map.of("header", HEADER), Map.of("Retry-After", "1"));
    }

    /** The response entity as JSON text, written by the same mapper Jersey writes responses with. */
    private Optional<String> bodyOf(Response response) {
        Object entity = response.getEntity();
        if (entity == null) {
            return Optional.empty();
        }
        if (entity instanceof String text) {
            return Optional.of(text);
        }
        try {
            return Optional.of(json.writeValueAsString(entity));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep the response of an idempotent request", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode copy = object.objectNode();
            for (String name : names) {
                copy.set(name, sorted(object.get(name)));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw inProgress();
        }
    }
}
