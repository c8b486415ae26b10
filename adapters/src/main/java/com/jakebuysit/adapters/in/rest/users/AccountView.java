package com.jakebuysit.adapters.in.rest.users;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.jakebuysit.adapters.in.rest.UserView;
import com.jakebuysit.domain.PayoutMethod;
import com.jakebuysit.domain.account.User;

/**
 * The {@code user} of API.md plus what its owner and admins may also see: the payout method, its
 * details masked (never whole), and whether the account is banned.
 */
public record AccountView(@JsonUnwrapped UserView user, String payoutMethod, String payoutDetails, boolean banned) {

    public static AccountView of(User user) {
        return new AccountView(UserView.of(user), user.payoutMethod().map(PayoutMethod::code).orElse(null),
                user.payoutDetailsMasked().orElse(null), user.banned());
    }
}
