package com.jakebuysit.domain.ledger;

import com.jakebuysit.domain.DomainException;
import com.jakebuysit.domain.Money;

/** A debit or downward adjustment larger than the balance; the balance never goes below zero. */
public final class InsufficientJakeBucks extends DomainException {

    public InsufficientJakeBucks(Money balance, Money requested) {
        super("INSUFFICIENT_JAKE_BUCKS",
                "cannot take " + requested.format() + " from a Jake Bucks balance of " + balance.format());
    }
}
