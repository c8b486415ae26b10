package com.jakebuysit.bootstrap;

import com.jakebuysit.adapters.in.rest.IdempotentRequests;
import com.jakebuysit.adapters.in.rest.auth.AuthenticatedUser;
import com.jakebuysit.adapters.in.rest.errors.ApiException;
import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.domain.DomainException;
import io.dropwizard.auth.Auth;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * A resource only the idempotency tests mount: each run of its work writes one row (so a test
 * counts the runs), then answers as the body asks: a success, a refusal, a crash.
 */
@Path("/test-idempotency")
@Produces(MediaType.APPLICATION_JSON)
public class IdempotencyProbeResource {

    /** Work that waits for the test to open its gate, so a test can hold a request in progress. */
    static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();

    /** {@code outcome}: ok | refuse | rule | missing | crash | unavailable. */
    public record Body(String label, String outcome, Integer sleepMillis, String gate) {
    }

    private final IdempotentRequests idempotency;
    private final Jdbi jdbi;

    public IdempotencyProbeResource(IdempotentRequests idempotency, Jdbi jdbi) {
        this.idempotency = idempotency;
        this.jdbi = jdbi;
    }

    @POST
    @Path("/effects")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response effect(@Auth Optional<AuthenticatedUser> caller,
                           @HeaderParam(IdempotentRequests.HEADER) String key,
                           Body body, @Context HttpServletRequest request) {
        AuditLog.Actor actor = new AuditLog.Actor(caller.map(user -> user.id().toString()),
                caller.isPresent() ? "user" : "anonymous", Optional.ofNullable(request.getRemoteAddr()),
                Optional.empty(), Optional.empty());
        return idempotency.run(Optional.ofNullable(key), actor, request.getMethod(), request.getRequestURI(), body,
                () -> work(body, IdempotentRequests.scopeOf(actor).value()));
    }

    private Response work(Body body, String madeBy) {
        long attempt = jdbi.withHandle(handle -> handle.createQuery(
                        "INSERT INTO idempotency_probe_effects (label, made_by) VALUES (:label, :by) RETURNING id")
                .bind("label", body.label())
                .bind("by", madeBy)
                .mapTo(Long.class)
                .one());
        pause(body);
        String outcome = body.outcome() == null ? "ok" : body.outcome();
        return switch (outcome) {
            case "refuse" -> throw new ApiException(409, "PROBE_REFUSED", "refused at attempt " + attempt,
                    Map.of("attempt", attempt), Map.of());
            case "rule" -> throw new DomainException("PROBE_RULE", "a rule said no at attempt " + attempt);
            case "missing" -> throw new NotFoundException("nothing at attempt " + attempt);
            case "crash" -> throw new IllegalStateException("probe crashed at attempt " + attempt);
            case "unavailable" -> Response.status(503).entity(Map.of("attempt", attempt)).build();
            default -> {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("effect", attempt);
                answer.put("label", body.label());
                answer.put("madeBy", madeBy);
                answer.put("nested", Map.of("amount", "12.50", "list", java.util.List.of(1, 2, 3)));
                yield Response.status(201).entity(answer).build();
            }
        };
    }

    private static void pause(Body body) {
        try {
            if (body.gate() != null) {
                CountDownLatch gate = GATES.computeIfAbsent(body.gate(), name -> new CountDownLatch(1));
                if (!gate.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate " + body.gate() + " never opened");
                }
            }
            if (body.sleepMillis() != null) {
                Thread.sleep(body.sleepMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
