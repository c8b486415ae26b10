package com.jakebuysit.domain.offer;

import com.jakebuysit.domain.DomainException;
import java.util.Objects;
import java.util.Optional;

/**
 * A command the offer's status does not allow. Names the status it was in, the action tried and,
 * when the action moves the offer, the status it would have moved to. The API answers 409.
 */
public class IllegalTransition extends DomainException {

    private final OfferStatus from;
    private final String action;
    private final Optional<OfferStatus> to;

    public IllegalTransition(OfferStatus from, String action, Optional<OfferStatus> to, String detail) {
        this("ILLEGAL_TRANSITION", from, action, to, detail);
    }

    protected IllegalTransition(String code, OfferStatus from, String action, Optional<OfferStatus> to,
            String detail) {
        super(code, message(from, action, to, detail));
        this.from = Objects.requireNonNull(from, "from");
        this.action = Objects.requireNonNull(action, "action");
        this.to = Objects.requireNonNull(to, "to");
    }

    public OfferStatus from() {
        return from;
    }

    public String action() {
        return action;
    }

    public Optional<OfferStatus> to() {
        return to;
    }

    private static String message(OfferStatus from, String action, Optional<OfferStatus> to, String detail) {
        return "cannot " + action + " an offer that is " + from.code()
                + to.map(target -> " (" + from.code() + " → " + target.code() + ")").orElse("")
                + (detail.isBlank() ? "" : ": " + detail);
    }
}
