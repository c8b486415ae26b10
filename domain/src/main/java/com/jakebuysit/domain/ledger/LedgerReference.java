package com.jakebuysit.domain.ledger;

import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.Text;
import java.util.regex.Pattern;

/**
 * What a ledger entry is about ({@code referenceType}, {@code referenceId} on the wire), e.g. the
 * offer whose sale it pays. The persistence layer can key idempotency on reference plus entry type.
 */
public record LedgerReference(String type, String id) {

    public static final String OFFER = "offer";
    public static final String ORDER = "order";
    public static final String ADMIN = "admin";

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z_]*");

    public LedgerReference {
        type = Text.required(type, "reference type", 40);
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("reference type must be lower_snake_case, was '" + type + "'");
        }
        id = Text.required(id, "reference id", 100);
    }

    public static LedgerReference offer(OfferId offer) {
        return new LedgerReference(OFFER, offer.toString());
    }
}
