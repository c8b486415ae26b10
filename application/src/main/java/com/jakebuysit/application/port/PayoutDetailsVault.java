package com.jakebuysit.application.port;

import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.PayoutDetails;
import java.util.List;
import java.util.Optional;

/**
 * The payout details of each account, kept sealed at rest (see {@link SecretBox}). Only this port
 * ever holds them in the clear; everything else sees the masked form on the account.
 */
public interface PayoutDetailsVault {

    /** Seals the details under the active key and stores them for the account (replacing any). */
    void put(UserId owner, PayoutDetails details);

    /** The account's details, opened; empty when none are stored. */
    Optional<PayoutDetails> open(UserId owner);

    /** Forgets the account's sealed details (e.g. when it switches to Jake Bucks). */
    void clear(UserId owner);

    /** The key the account's details are sealed under; empty when none are stored. */
    Optional<String> keyIdOf(UserId owner);

    /**
     * Up to {@code limit} accounts whose details are sealed under another key than the active one,
     * locked until the transaction ends (rows another transaction holds are skipped).
     */
    List<UserId> lockSealedUnderRetiredKeys(int limit);
}
