package com.jakebuysit.adapters.in.rest.users;

import com.jakebuysit.adapters.in.rest.auth.AuthenticatedUser;
import com.jakebuysit.application.port.Page;
import com.jakebuysit.application.users.AdministerAccount;
import com.jakebuysit.application.users.SearchAccounts;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UnknownCode;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.AdminChange;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code /api/v1/admin/users}: admins find accounts and change their roles, ban and trust score. */
@Path("/api/v1/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public final class AdminUsersResource {

    private final SearchAccounts searchAccounts;
    private final AdministerAccount administerAccount;

    public AdminUsersResource(SearchAccounts searchAccounts, AdministerAccount administerAccount) {
        this.searchAccounts = searchAccounts;
        this.administerAccount = administerAccount;
    }

    /** Absent fields stay as they are; {@code roles}, when given, is the whole new set (at least one). */
    public record AdminPatch(List<String> roles, Boolean banned, Integer trustScore) {
    }

    @GET
    public Paging.ListView<AccountView> search(@Auth AuthenticatedUser admin, @QueryParam("query") String query,
                                               @QueryParam("cursor") String cursor,
                                               @QueryParam("limit") String limit) {
        if (query != null && query.strip().length() > SearchAccounts.QUERY_MAX) {
            throw Invalid.field("query", "must be at most " + SearchAccounts.QUERY_MAX + " characters");
        }
        Page<User> page = searchAccounts.execute(
                new SearchAccounts.Query(query, Paging.cursor(cursor), Paging.limit(limit)));
        return new Paging.ListView<>(page.items().stream().map(AccountView::of).toList(),
                page.nextCursor().orElse(null));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView update(@Auth AuthenticatedUser admin, @PathParam("id") String id, @NotNull AdminPatch patch,
                              @Context HttpServletRequest request) {
        UserId accountId;
        try {
            accountId = UserId.of(id);
        } catch (IllegalArgumentException e) {
            // Not an id we could ever have issued: no such account.
            throw Invalid.notFound("Account");
        }
        AdminChange change = new AdminChange(roles(patch.roles()), Optional.ofNullable(patch.banned()),
                trustScore(patch.trustScore()));
        User user = administerAccount.execute(new AdministerAccount.Command(accountId, change, admin.id(),
                        RequestActor.as(admin, Role.ADMIN, request)))
                .orElseThrow(() -> Invalid.notFound("Account"));
        return AccountView.of(user);
    }

    private static Optional<Set<Role>> roles(List<String> codes) {
        if (codes == null) {
            return Optional.empty();
        }
        if (codes.isEmpty()) {
            throw Invalid.field("roles", "must hold at least one role");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String code : codes) {
            try {
                roles.add(Role.fromCode(code));
            } catch (UnknownCode e) {
                throw Invalid.field("roles", "must be codes among user, reviewer, warehouse, admin");
            }
        }
        return Optional.of(roles);
    }

    private static Optional<TrustScore> trustScore(Integer value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value < TrustScore.MIN || value > TrustScore.MAX) {
            throw Invalid.field("trustScore", "must be in 0..100");
        }
        return Optional.of(TrustScore.of(value));
    }
}
