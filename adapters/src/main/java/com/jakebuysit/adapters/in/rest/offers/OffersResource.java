package com.jakebuysit.adapters.in.rest.offers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.adapters.in.rest.IdempotentRequests;
import com.jakebuysit.adapters.in.rest.RequestIdFilter;
import com.jakebuysit.adapters.in.rest.auth.AuthenticatedUser;
import com.jakebuysit.adapters.in.rest.errors.ApiException;
import com.jakebuysit.adapters.in.rest.shipments.ShipmentView;
import com.jakebuysit.application.offers.AcceptOffer;
import com.jakebuysit.application.offers.DeclineOffer;
import com.jakebuysit.application.offers.DisputeOffer;
import com.jakebuysit.application.offers.ListOwnOffers;
import com.jakebuysit.application.offers.OfferCacheKeys;
import com.jakebuysit.application.offers.SubmitOffer;
import com.jakebuysit.application.offers.ViewOffer;
import com.jakebuysit.application.offers.Viewer;
import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.Cache;
import com.jakebuysit.application.port.Page;
import com.jakebuysit.application.port.PhotoStore;
import com.jakebuysit.domain.Address;
import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.PayoutMethod;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import io.dropwizard.auth.Auth;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataParam;

/**
 * {@code /api/v1/offers}: a seller sends photos and hears Jake's offer, reads their own offers,
 * and answers: accept (with an {@code Idempotency-Key}), decline, dispute.
 */
@Path("/api/v1/offers")
@Produces(MediaType.APPLICATION_JSON)
public final class OffersResource {

    public static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;
    public static final String STREAM_TOKEN_HEADER = "X-Stream-Token";
    static final Duration CACHE_TTL = Duration.ofMinutes(2);

    private final SubmitOffer submit;
    private final ViewOffer view;
    private final ListOwnOffers list;
    private final Answers answers;
    private final PhotoStore store;
    private final Cache cache;
    private final ObjectMapper json;

    /** The seller's answers to an offer, and the Idempotency-Key handling that guards accept. */
    public record Answers(AcceptOffer accept, DeclineOffer decline, DisputeOffer dispute,
                          IdempotentRequests idempotency) {
    }

    public OffersResource(SubmitOffer submit, ViewOffer view, ListOwnOffers list, Answers answers, PhotoStore store,
                          Cache cache, ObjectMapper json) {
        this.submit = submit;
        this.view = view;
        this.list = list;
        this.answers = answers;
        this.store = store;
        this.cache = cache;
        this.json = json;
    }

    /** {@code POST /{id}/accept}: how to pay and where the label picks up from. */
    public record AcceptRequest(String payoutMethod, AddressRequest address) {
    }

    public record AddressRequest(String name, String street1, String street2, String city, String state, String zip,
                                 String country) {
    }

    /** {@code POST /{id}/decline} and {@code /dispute}. */
    public record ReasonRequest(String reason) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response create(@Auth Optional<AuthenticatedUser> caller,
                           @FormDataParam("photos") List<FormDataBodyPart> photoParts,
                           @FormDataParam("description") String description,
                           @FormDataParam("categoryHint") String categoryHint,
                           @FormDataParam("condition") String condition,
                           @Context HttpServletRequest request) {
        // Photo count and description are the use case's to check (SubmitOffer → 422); here only size and parsing.
        List<FormDataBodyPart> parts = photoParts == null ? List.of() : photoParts;
        if (parts.size() > 5) {
            // Refused before reading any part, so six 10 MB uploads are not buffered for nothing.
            throw invalid("photos", "an offer needs 1 to 5 photos");
        }
        Condition stated = parse(condition, "condition", Condition::fromCode).orElse(Condition.GOOD);
        Optional<Category> hint = parse(categoryHint, "categoryHint", Category::fromCode);
        List<byte[]> photos = new ArrayList<>();
        for (FormDataBodyPart part : parts) {
            photos.add(readCapped(part));
        }
        SubmitOffer.Result result = submit.submit(new SubmitOffer.Command(
                caller.map(AuthenticatedUser::id), Optional.ofNullable(request.getRemoteAddr()), description, stated,
                hint, photos, actor(caller, request)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", result.id().toString());
        body.put("status", result.status().code());
        body.put("streamUrl", "/api/v1/offers/" + result.id() + "/stream");
        body.put("streamToken", result.streamToken());
        return Response.accepted(body).build();
    }

    @GET
    @Path("/{id}")
    public Response get(@Auth Optional<AuthenticatedUser> caller, @PathParam("id") String id,
                        @HeaderParam(STREAM_TOKEN_HEADER) String streamToken) {
        OfferId offerId = offerId(id);
        Viewer viewer = viewer(caller, streamToken);
        // Checked on every read, cached or not: the cache holds the view, never the permission.
        Offer offer = view.authorize(offerId, viewer);
        String key = OfferCacheKeys.of(offer);
        Optional<String> cached = cache.get(key);
        if (cached.isPresent()) {
            return Response.ok(cached.get(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        String rendered = render(OfferView.of(view.details(offer), store));
        cache.put(key, rendered, CACHE_TTL);
        return Response.ok(rendered, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    public Map<String, Object> list(@Auth AuthenticatedUser caller, @QueryParam("status") String status,
                                    @QueryParam("category") String category, @QueryParam("cursor") String cursor,
                                    @QueryParam("limit") Integer limit) {
        Page<Offer> page = list.list(caller.id(), parse(status, "status", OfferStatus::fromCode),
                parse(category, "category", Category::fromCode), Optional.ofNullable(cursor), limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.items().stream()
                .map(offer -> OfferView.of(view.details(offer), store))
                .toList());
        body.put("nextCursor", page.nextCursor().orElse(null));
        return body;
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response accept(@Auth AuthenticatedUser caller, @PathParam("id") String id,
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                           @HeaderParam(STREAM_TOKEN_HEADER) String streamToken, AcceptRequest body,
                           @Context HttpServletRequest request) {
        OfferId offerId = offerId(id);
        AuditLog.Actor actor = actor(Optional.of(caller), request);
        return answers.idempotency().run(Optional.ofNullable(idempotencyKey), actor, "POST",
                "/api/v1/offers/" + offerId + "/accept", body, () -> {
                    if (body == null) {
                        throw invalid("body", "a JSON body with payoutMethod and address is required");
                    }
                    PayoutMethod method = parse(body.payoutMethod(), "payoutMethod", PayoutMethod::fromCode)
                            .orElseThrow(() -> invalid("payoutMethod",
                                    "payoutMethod is required: stripe, paypal or jake_bucks"));
                    AcceptOffer.Result result = answers.accept().accept(new AcceptOffer.Command(offerId, caller.id(),
                            Optional.ofNullable(streamToken).filter(t -> !t.isBlank()), method,
                            address(body.address()), actor));
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("offer", OfferView.of(view.details(result.offer()), store));
                    answer.put("shipment", result.shipment().map(shipment -> ShipmentView.of(shipment, store))
                            .orElse(null));
                    if (result.held()) {
                        answer.put("heldForReview", true);
                        answer.put("message", "Your acceptance is held for a quick review before we send your"
                                + " prepaid label; once it is approved, your offer shows its shipment and label.");
                    }
                    return Response.ok(answer).build();
                });
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    public OfferView decline(@Auth Optional<AuthenticatedUser> caller, @PathParam("id") String id,
                             @HeaderParam(STREAM_TOKEN_HEADER) String streamToken, ReasonRequest body,
                             @Context HttpServletRequest request) {
        OfferId offerId = offerId(id);
        // The seller's answer: an account acts as itself (never as staff); an anonymous seller shows the stream token.
        Viewer seller = new Viewer(caller.map(AuthenticatedUser::id), false,
                Optional.ofNullable(streamToken).filter(t -> !t.isBlank()));
        if (seller.user().isEmpty() && seller.streamToken().isEmpty()) {
            throw new ApiException(401, "UNAUTHORIZED", "A bearer token or the offer's stream token is required");
        }
        Optional<String> reason = Optional.ofNullable(body).map(ReasonRequest::reason).map(String::strip)
                .filter(r -> !r.isEmpty());
        if (reason.isPresent() && reason.get().length() > 500) {
            throw invalid("reason", "the reason must be at most 500 characters");
        }
        Offer declined = answers.decline().decline(new DeclineOffer.Command(offerId, seller, reason,
                actor(caller, request)));
        return OfferView.of(view.details(declined), store);
    }

    @POST
    @Path("/{id}/dispute")
    @Consumes(MediaType.APPLICATION_JSON)
    public OfferView dispute(@Auth AuthenticatedUser caller, @PathParam("id") String id, ReasonRequest body,
                             @Context HttpServletRequest request) {
        OfferId offerId = offerId(id);
        Offer disputed = answers.dispute().dispute(new DisputeOffer.Command(offerId, caller.id(),
                body == null ? null : body.reason(), actor(Optional.of(caller), request)));
        return OfferView.of(view.details(disputed), store);
    }

    static Viewer viewer(Optional<AuthenticatedUser> caller, String streamToken) {
        if (caller.isPresent()) {
            return new Viewer(Optional.of(caller.get().id()), caller.get().isStaff(), Optional.ofNullable(streamToken));
        }
        if (streamToken != null && !streamToken.isBlank()) {
            return Viewer.withStreamToken(streamToken);
        }
        throw new ApiException(401, "UNAUTHORIZED", "A bearer token or the offer's stream token is required");
    }

    static OfferId offerId(String id) {
        try {
            return OfferId.of(id);
        } catch (IllegalArgumentException e) {
            throw new ApiException(404, "NOT_FOUND", "No such offer");
        }
    }

    private String render(OfferView offer) {
        try {
            return json.writeValueAsString(offer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render offer", e);
        }
    }

    private static byte[] readCapped(FormDataBodyPart part) {
        try (InputStream in = part.getValueAs(InputStream.class)) {
            byte[] content = in.readNBytes(MAX_PHOTO_BYTES + 1);
            if (content.length > MAX_PHOTO_BYTES) {
                throw new ApiException(413, "PAYLOAD_TOO_LARGE", "each photo must be at most 10 MB",
                        Map.of("field", "photos", "maxBytes", MAX_PHOTO_BYTES), Map.of());
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Address address(AddressRequest address) {
        if (address == null) {
            throw invalid("address", "address is required: name, street1, street2?, city, state, zip, country");
        }
        try {
            return new Address(address.name(), address.street1(),
                    Optional.ofNullable(address.street2()).filter(s -> !s.isBlank()), address.city(),
                    address.state(), address.zip(), address.country());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid("address", e.getMessage());
        }
    }

    private static <T> Optional<T> parse(String value, String field, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(value.strip()));
        } catch (IllegalArgumentException e) {
            throw invalid(field, e.getMessage());
        }
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(422, "VALIDATION_FAILED", message, Map.of("field", field), Map.of());
    }

    private static AuditLog.Actor actor(Optional<AuthenticatedUser> caller, HttpServletRequest request) {
        return new AuditLog.Actor(caller.map(c -> c.id().toString()), caller.isPresent() ? "user" : "anonymous",
                Optional.ofNullable(request.getRemoteAddr()), Optional.ofNullable(request.getHeader("User-Agent")),
                Optional.ofNullable((String) request.getAttribute(RequestIdFilter.MDC_KEY)));
    }
}
