package com.jakebuysit.adapters.in.rest.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.PayoutMethod;
import com.jakebuysit.domain.UnknownCode;
import com.jakebuysit.domain.account.PayoutDetails;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code {method, details}} into payout details, or refuses with 422 naming the field:
 * <ul>
 *   <li>{@code stripe}: {@code {accountId}} (a connected account) or {@code {routingNumber, accountNumber}}
 *       (a US bank account);</li>
 *   <li>{@code paypal}: {@code {email}};</li>
 *   <li>{@code jake_bucks}: no details (absent, null or {@code {}}).</li>
 * </ul>
 * Fields must be strings (a routing number as a number would lose its leading zero); unknown fields
 * are refused rather than dropped, so nobody believes we stored something we did not.
 */
final class PayoutDetailsRequest {

    private PayoutDetailsRequest() {
    }

    static PayoutDetails parse(String rawMethod, JsonNode details) {
        PayoutMethod method;
        try {
            method = PayoutMethod.fromCode(rawMethod);
        } catch (UnknownCode e) {
            throw Invalid.field("method", "must be one of stripe, paypal, jake_bucks");
        }
        boolean none = details == null || details.isNull() || (details.isObject() && details.isEmpty());
        if (!none && !details.isObject()) {
            throw Invalid.field("details", "must be an object");
        }
        try {
            return switch (method) {
                case JAKE_BUCKS -> {
                    if (!none) {
                        throw Invalid.field("details", "must be empty for jake_bucks");
                    }
                    yield new PayoutDetails.JakeBucks();
                }
                case PAYPAL -> {
                    only(details, Set.of("email"));
                    yield new PayoutDetails.PayPalAccount(email(text(details, "email")));
                }
                case STRIPE -> {
                    if (details != null && details.has("accountId")) {
                        only(details, Set.of("accountId"));
                        yield new PayoutDetails.StripeAccount(text(details, "accountId"));
                    }
                    only(details, Set.of("routingNumber", "accountNumber"));
                    yield new PayoutDetails.BankAccount(text(details, "routingNumber"), text(details, "accountNumber"));
                }
            };
        } catch (IllegalArgumentException e) {
            throw Invalid.field("details", e.getMessage());
        }
    }

    private static Email email(String raw) {
        try {
            return Email.of(raw);
        } catch (IllegalArgumentException e) {
            throw Invalid.field("details.email", "must be a valid email address");
        }
    }

    private static String text(JsonNode details, String field) {
        JsonNode value = details == null ? null : details.get(field);
        if (value == null || value.isNull() || !value.isTextual() || value.asText().isBlank()) {
            throw Invalid.field("details." + field, "is required, as a string");
        }
        return value.asText();
    }

    private static void only(JsonNode details, Set<String> allowed) {
        if (details == null) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = details.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw Invalid.field("details." + unknown.get(0), "is not a field of these payout details");
        }
    }
}
