package com.jakebuysit.domain.account;

import com.jakebuysit.domain.DomainException;

/** An admin tried to take away their own admin role or ban themselves. */
public final class SelfLockout extends DomainException {

    public SelfLockout(String message) {
        super("SELF_LOCKOUT", message);
    }
}
