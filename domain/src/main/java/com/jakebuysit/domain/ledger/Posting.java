package com.jakebuysit.domain.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The result of a ledger operation: the account after it and the entries to append, in order. */
public record Posting(JakeBucksAccount account, List<LedgerEntry> entries) {

    public Posting {
        Objects.requireNonNull(account, "account");
        entries = List.copyOf(entries);
    }

    /** This posting followed by the one {@code next} makes on the resulting account; entries concatenated. */
    public Posting then(Function<JakeBucksAccount, Posting> next) {
        Posting after = next.apply(account);
        List<LedgerEntry> all = new ArrayList<>(entries);
        all.addAll(after.entries);
        return new Posting(after.account, all);
    }
}
