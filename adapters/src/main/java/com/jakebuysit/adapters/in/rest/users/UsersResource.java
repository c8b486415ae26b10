package com.jakebuysit.adapters.in.rest.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.jakebuysit.adapters.in.rest.auth.AuthenticatedUser;
import com.jakebuysit.application.port.AccountSummaries;
import com.jakebuysit.application.port.Page;
import com.jakebuysit.application.users.SetPayoutMethod;
import com.jakebuysit.application.users.UpdateProfile;
import com.jakebuysit.application.users.ViewAccount;
import com.jakebuysit.application.users.ViewDashboard;
import com.jakebuysit.application.users.ViewHistory;
import com.jakebuysit.application.users.ViewJakeBucks;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.account.PayoutDetails;
import com.jakebuysit.domain.account.PhoneNumber;
import com.jakebuysit.domain.account.User;
import io.dropwizard.auth.Auth;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/users/me}: the caller's own account and nothing else. Every route needs a bearer
 * token; the account is always the token's, never one named in the request.
 */
@Path("/api/v1/users/me")
@Produces(MediaType.APPLICATION_JSON)
public final class UsersResource {

    private final ViewAccount viewAccount;
    private final UpdateProfile updateProfile;
    private final ViewDashboard viewDashboard;
    private final SetPayoutMethod setPayoutMethod;
    private final ViewHistory viewHistory;
    private final ViewJakeBucks viewJakeBucks;

    public UsersResource(ViewAccount viewAccount, UpdateProfile updateProfile, ViewDashboard viewDashboard,
                         SetPayoutMethod setPayoutMethod, ViewHistory viewHistory, ViewJakeBucks viewJakeBucks) {
        this.viewAccount = viewAccount;
        this.updateProfile = updateProfile;
        this.viewDashboard = viewDashboard;
        this.setPayoutMethod = setPayoutMethod;
        this.viewHistory = viewHistory;
        this.viewJakeBucks = viewJakeBucks;
    }

    /** {@code name}, {@code phone}: absent = unchanged; {@code phone: ""} removes the phone. */
    public record ProfilePatch(String name, String phone) {
    }

    /** {@code method}: stripe | paypal | jake_bucks; {@code details} per method (see {@link PayoutDetailsRequest}). */
    public record PayoutMethodRequest(String method, JsonNode details) {
    }

    public record PayoutMethodView(String method, String details, AccountView user) {
    }

    public record DashboardView(long activeOffers, long completedSales, String totalEarned, String jakeBucksBalance,
                                int trustScore) {
    }

    public record JakeBucksLineView(String id, String type, String amount, String balanceAfter, String referenceType,
                                    String referenceId, String description, String createdAt) {
    }

    public record JakeBucksView(String balance, List<JakeBucksLineView> data, String nextCursor) {
    }

    @GET
    public AccountView me(@Auth AuthenticatedUser caller) {
        return AccountView.of(viewAccount.execute(new ViewAccount.Query(caller.id()))
                .orElseThrow(() -> Invalid.notFound("Account")));
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView updateMe(@Auth AuthenticatedUser caller, @NotNull ProfilePatch patch,
                                @Context HttpServletRequest request) {
        Optional<String> name = Optional.ofNullable(patch.name());
        if (name.isPresent() && (name.get().isBlank() || name.get().strip().length() > User.NAME_MAX)) {
            throw Invalid.field("name", "must be 1 to " + User.NAME_MAX + " characters and not blank");
        }
        boolean removePhone = patch.phone() != null && patch.phone().isBlank();
        Optional<PhoneNumber> phone = Optional.empty();
        if (patch.phone() != null && !removePhone) {
            try {
                phone = Optional.of(PhoneNumber.of(patch.phone()));
            } catch (IllegalArgumentException e) {
                throw Invalid.field("phone", e.getMessage());
            }
        }
        User user = updateProfile.execute(new UpdateProfile.Command(caller.id(), name, phone, removePhone,
                        RequestActor.of(caller, request)))
                .orElseThrow(() -> Invalid.notFound("Account"));
        return AccountView.of(user);
    }

    @GET
    @Path("/dashboard")
    public DashboardView dashboard(@Auth AuthenticatedUser caller) {
        AccountSummaries.Dashboard figures = viewDashboard.execute(new ViewDashboard.Query(caller.id()))
                .orElseThrow(() -> Invalid.notFound("Account"));
        return new DashboardView(figures.activeOffers(), figures.completedSales(), figures.totalEarned().toWire(),
                figures.jakeBucksBalance().toWire(), figures.trustScore());
    }

    @PUT
    @Path("/payout-method")
    @Consumes(MediaType.APPLICATION_JSON)
    public PayoutMethodView setPayoutMethod(@Auth AuthenticatedUser caller, @NotNull PayoutMethodRequest body,
                                            @Context HttpServletRequest request) {
        PayoutDetails details = PayoutDetailsRequest.parse(body.method(), body.details());
        User user = setPayoutMethod.execute(new SetPayoutMethod.Command(caller.id(), details,
                        RequestActor.of(caller, request)))
                .orElseThrow(() -> Invalid.notFound("Account"));
        return new PayoutMethodView(details.method().code(), details.masked().orElse(null), AccountView.of(user));
    }

    @GET
    @Path("/history")
    public Paging.ListView<Map<String, Object>> history(@Auth AuthenticatedUser caller,
                                                       @QueryParam("cursor") String cursor,
                                                       @QueryParam("limit") String limit) {
        Page<AccountSummaries.HistoryItem> page = viewHistory.execute(
                new ViewHistory.Query(caller.id(), Paging.cursor(cursor), Paging.limit(limit)));
        return new Paging.ListView<>(page.items().stream().map(UsersResource::historyItem).toList(),
                page.nextCursor().orElse(null));
    }

    @GET
    @Path("/jake-bucks")
    public JakeBucksView jakeBucks(@Auth AuthenticatedUser caller, @QueryParam("cursor") String cursor,
                                   @QueryParam("limit") String limit) {
        ViewJakeBucks.Statement statement = viewJakeBucks.execute(
                        new ViewJakeBucks.Query(caller.id(), Paging.cursor(cursor), Paging.limit(limit)))
                .orElseThrow(() -> Invalid.notFound("Account"));
        List<JakeBucksLineView> lines = statement.entries().items().stream()
                .map(line -> new JakeBucksLineView(line.id().toString(), line.type().code(), line.amount().toWire(),
                        line.balanceAfter().toWire(), line.referenceType().orElse(null),
                        line.referenceId().orElse(null), line.description().orElse(null),
                        line.createdAt().toString()))
                .toList();
        return new JakeBucksView(statement.balance().toWire(), lines,
                statement.entries().nextCursor().orElse(null));
    }

    /** One history line: {@code type}, {@code id}, {@code createdAt} and the summary of its kind. */
    private static Map<String, Object> historyItem(AccountSummaries.HistoryItem item) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (item instanceof AccountSummaries.OfferItem offer) {
            view.put("type", "offer");
            common(view, item);
            view.put("status", offer.status().code());
            view.put("title", offer.title().orElse(null));
            view.put("offerAmount", offer.offerAmount().map(Money::toWire).orElse(null));
        } else if (item instanceof AccountSummaries.PayoutItem payout) {
            view.put("type", "payout");
            common(view, item);
            view.put("status", payout.status());
            view.put("offerId", payout.offerId().toString());
            view.put("method", payout.method().code());
            view.put("amount", payout.amount().toWire());
            view.put("bonusAmount", payout.bonusAmount().toWire());
        } else if (item instanceof AccountSummaries.JakeBucksItem entry) {
            view.put("type", "jake_bucks");
            common(view, item);
            view.put("entryType", entry.entryType().code());
            view.put("amount", entry.amount().toWire());
            view.put("balanceAfter", entry.balanceAfter().toWire());
            view.put("description", entry.description().orElse(null));
        }
        return view;
    }

    private static void common(Map<String, Object> view, AccountSummaries.HistoryItem item) {
        view.put("id", item.id().toString());
        view.put("createdAt", item.createdAt().toString());
    }
}
