package com.jakebuysit.application.users;

import com.jakebuysit.domain.PayoutMethod;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The audit-log view of an account: the fields people change, payout details only masked, never
 * the password hash. {@link #diff} keeps only the fields that differ, as the audit log wants.
 */
final class AccountSnapshot {

    private AccountSnapshot() {
    }

    static Map<String, Object> of(User user) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", user.name());
        fields.put("phone", user.phone().orElse(null));
        fields.put("roles", user.roles().stream().map(Role::code).sorted().toList());
        fields.put("banned", user.banned());
        fields.put("trustScore", user.trustScore().value());
        fields.put("payoutMethod", user.payoutMethod().map(PayoutMethod::code).orElse(null));
        fields.put("payoutDetails", user.payoutDetailsMasked().orElse(null));
        return fields;
    }

    /** The before and after values of the fields that changed. */
    static Diff diff(User before, User after) {
        Map<String, Object> was = of(before);
        Map<String, Object> is = of(after);
        Map<String, Object> changedBefore = new LinkedHashMap<>();
        Map<String, Object> changedAfter = new LinkedHashMap<>();
        for (String field : was.keySet()) {
            if (!Objects.equals(was.get(field), is.get(field))) {
                changedBefore.put(field, was.get(field));
                changedAfter.put(field, is.get(field));
            }
        }
        return new Diff(changedBefore, changedAfter);
    }

    record Diff(Map<String, Object> before, Map<String, Object> after) {
        boolean isEmpty() {
            return after.isEmpty();
        }
    }
}
