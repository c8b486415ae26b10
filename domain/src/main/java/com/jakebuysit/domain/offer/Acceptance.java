package com.jakebuysit.domain.offer;

import com.jakebuysit.domain.Address;
import com.jakebuysit.domain.PayoutMethod;
import java.time.Instant;
import java.util.Objects;

/** The seller's yes: how they want to be paid, where the label picks up from, and when. */
public record Acceptance(PayoutMethod payoutMethod, Address address, Instant acceptedAt) {

    public Acceptance {
        Objects.requireNonNull(payoutMethod, "payoutMethod");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }
}
