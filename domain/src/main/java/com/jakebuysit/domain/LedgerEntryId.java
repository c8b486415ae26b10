package com.jakebuysit.domain;

import java.util.Objects;
import java.util.UUID;

/** The identity of a ledger entry; a UUID, strict about its textual form. */
public record LedgerEntryId(UUID value) {

    public LedgerEntryId {
        Objects.requireNonNull(value, "ledger entry id");
    }

    /** Parses the canonical 8-4-4-4-12 hexadecimal form. */
    public static LedgerEntryId of(String value) {
        return new LedgerEntryId(Ids.parse(value, "ledger entry id"));
    }

    public static LedgerEntryId random() {
        return new LedgerEntryId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
