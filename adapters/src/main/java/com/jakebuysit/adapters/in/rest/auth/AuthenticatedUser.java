package com.jakebuysit.adapters.in.rest.auth;

import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.Role;
import java.security.Principal;
import java.util.Set;

/** The caller of a request, as the bearer token and the current account row say. */
public record AuthenticatedUser(UserId id, Set<Role> roles) implements Principal {

    public AuthenticatedUser {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return id.toString();
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }
}
