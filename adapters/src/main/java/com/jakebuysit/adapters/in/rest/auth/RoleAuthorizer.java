package com.jakebuysit.adapters.in.rest.auth;

import com.jakebuysit.domain.account.Role;
import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;

/** {@code @RolesAllowed("admin")} holds when the account has that role. */
public final class RoleAuthorizer implements Authorizer<AuthenticatedUser> {

    @Override
    public boolean authorize(AuthenticatedUser user, String role, ContainerRequestContext context) {
        return user.roles().stream().map(Role::code).anyMatch(role::equals);
    }
}
