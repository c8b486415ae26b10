package com.jakebuysit.adapters.in.rest.users;

import com.jakebuysit.adapters.in.rest.RequestIdFilter;
import com.jakebuysit.adapters.in.rest.auth.AuthenticatedUser;
import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.domain.account.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.Optional;

/** The audit-log actor of a request: the caller, the role they act in, where they call from. */
final class RequestActor {

    private RequestActor() {
    }

    /** The caller acting on their own account, named by the most powerful role they hold. */
    static AuditLog.Actor of(AuthenticatedUser user, HttpServletRequest request) {
        Role role = user.roles().stream().max(Comparator.naturalOrder()).orElse(Role.USER);
        return as(user, role, request);
    }

    static AuditLog.Actor as(AuthenticatedUser user, Role role, HttpServletRequest request) {
        return new AuditLog.Actor(Optional.of(user.id().toString()), role.code(),
                Optional.ofNullable(request.getRemoteAddr()),
                Optional.ofNullable(request.getHeader("User-Agent")),
                Optional.ofNullable(request.getAttribute(RequestIdFilter.MDC_KEY)).map(Object::toString));
    }
}
