package com.jakebuysit.adapters.in.rest.admin;

import com.jakebuysit.adapters.in.rest.IdempotentRequests;
import com.jakebuysit.adapters.in.rest.RequestIdFilter;
import com.jakebuysit.adapters.in.rest.auth.AuthenticatedUser;
import com.jakebuysit.adapters.in.rest.errors.ApiException;
import com.jakebuysit.adapters.in.rest.offers.OfferView;
import com.jakebuysit.adapters.in.rest.shipments.ShipmentView;
import com.jakebuysit.application.escalations.ListEscalations;
import com.jakebuysit.application.escalations.ResolveEscalation;
import com.jakebuysit.application.offers.ViewOffer;
import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.PhotoStore;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.account.Role;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/admin/escalations}: reviewers (and admins) read the queue, oldest first, and
 * decide its items. Validation and the decision itself are the use cases'; this maps JSON.
 */
@Path("/api/v1/admin/escalations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"reviewer", "admin"})
public final class AdminEscalationsResource {

    private final ListEscalations list;
    private final ResolveEscalation resolve;
    private final ViewOffer view;
    private final PhotoStore store;
    private final IdempotentRequests idempotency;

    public AdminEscalationsResource(ListEscalations list, ResolveEscalation resolve, ViewOffer view,
                                    PhotoStore store, IdempotentRequests idempotency) {
        this.list = list;
        this.resolve = resolve;
        this.view = view;
        this.store = store;
        this.idempotency = idempotency;
    }

    /** {@code amount} is money on the wire ("123.45"), only with {@code custom_price}. */
    public record ResolveRequest(String action, String amount, String notes) {
    }

    @GET
    public Map<String, Object> queue(@Auth AuthenticatedUser reviewer, @QueryParam("cursor") String cursor,
                                     @QueryParam("limit") String limit) {
        ListEscalations.Result result = list.list(Optional.ofNullable(cursor).filter(c -> !c.isBlank()), limit(limit));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", result.items().stream().map(item -> EscalationView.of(item, store)).toList());
        body.put("nextCursor", result.nextCursor().orElse(null));
        body.put("queueSize", result.queueSize());
        return body;
    }

    @POST
    @Path("/{offerId}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resolve(@Auth AuthenticatedUser reviewer, @PathParam("offerId") String offerId,
                            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, ResolveRequest request,
                            @Context HttpServletRequest http) {
        OfferId id = offerId(offerId);
        AuditLog.Actor actor = actor(reviewer, http);
        // Approving a held acceptance buys a label: a retried decision replays its answer instead of a 409.
        return idempotency.run(Optional.ofNullable(idempotencyKey), actor, "POST",
                "/api/v1/admin/escalations/" + id + "/resolve", request, () -> {
                    if (request == null) {
                        throw new ApiException(422, "VALIDATION_FAILED",
                                "a JSON body {action, amount?, notes} is required", Map.of("field", "action"),
                                Map.of());
                    }
                    ResolveEscalation.Result result = resolve.resolve(ResolveEscalation.Command.of(id,
                            request.action(), request.amount(), request.notes(), reviewer.id(), actor));
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("offer", OfferView.of(view.details(result.offer()), store));
                    body.put("kind", result.kind().code());
                    body.put("shipment", result.shipment().map(shipment -> ShipmentView.of(shipment, store))
                            .orElse(null));
                    return Response.ok(body).build();
                });
    }

    private static Integer limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "INVALID_LIMIT", "limit must be a whole number");
        }
    }

    private static OfferId offerId(String raw) {
        try {
            return OfferId.of(raw);
        } catch (IllegalArgumentException e) {
            throw new ApiException(404, "NOT_FOUND", "No such offer");
        }
    }

    /** The reviewer, in the staff role they act in here, and where they call from. */
    private static AuditLog.Actor actor(AuthenticatedUser reviewer, HttpServletRequest request) {
        Role role = reviewer.hasRole(Role.REVIEWER) ? Role.REVIEWER : Role.ADMIN;
        return new AuditLog.Actor(Optional.of(reviewer.id().toString()), role.code(),
                Optional.ofNullable(request.getRemoteAddr()), Optional.ofNullable(request.getHeader("User-Agent")),
                Optional.ofNullable(request.getAttribute(RequestIdFilter.MDC_KEY)).map(Object::toString));
    }
}
