package com.jakebuysit.application.escalations;

import com.jakebuysit.application.offers.InvalidSubmission;
import com.jakebuysit.application.offers.OfferNotFound;
import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.EscalationChannel;
import com.jakebuysit.application.port.OfferEvents;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.application.port.RulesConfig;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.shipping.ShipmentIssuer;
import com.jakebuysit.domain.DomainException;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.UnknownCode;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.offer.EscalationAction;
import com.jakebuysit.domain.offer.EscalationResolution;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.offer.OfferTransition;
import com.jakebuysit.domain.rules.PricingRules;
import com.jakebuysit.domain.shipping.Shipment;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reviewer decides an item of the queue. One transaction with the offer row locked: the domain
 * resolves the escalation (approve or custom price → ready; reject → rejected; for a held
 * acceptance approve keeps it accepted and its label is bought here, reject cancels it), the offer
 * is stored and the decision audited. Of two reviewers deciding one item at once, the second finds
 * it resolved once the first commits and gets 409. After commit the seller's stream hears the new
 * status and, for an offer now ready at a reviewer's price, Jake's voice for that price is made in
 * the background (the reviewer does not wait for the voice service).
 */
public final class ResolveEscalation {

    public static final int MAX_NOTES_LENGTH = 2000;

    /** Money on the wire: digits, a point, two decimals; DECIMAL(12,2) holds ten digits before the point. */
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,10}\\.\\d{2}");

    private final Transactor transactor;
    private final Offers offers;
    private final RulesConfig rules;
    private final ShipmentIssuer issuer;
    private final AuditLog audit;
    private final OfferEvents events;
    private final SpeakApprovedPrice voice;
    private final Clock clock;

    public ResolveEscalation(Transactor transactor, Offers offers, RulesConfig rules, ShipmentIssuer issuer,
                             AuditLog audit, OfferEvents events, SpeakApprovedPrice voice, Clock clock) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
        this.offers = Objects.requireNonNull(offers, "offers");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.events = Objects.requireNonNull(events, "events");
        this.voice = Objects.requireNonNull(voice, "voice");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A reviewer's decision, checked: {@link #of} turns the request's fields into one or refuses them (422). */
    public record Command(OfferId offer, EscalationAction action, Optional<Money> amount, String notes,
                          UserId reviewer, AuditLog.Actor actor) {
        public Command {
            Objects.requireNonNull(offer, "offer");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(notes, "notes");
            Objects.requireNonNull(reviewer, "reviewer");
            Objects.requireNonNull(actor, "actor");
        }

        /**
         * @param action "approve", "custom_price" or "reject"
         * @param amount required for custom_price (a positive "123.45"), refused for the others
         * @param notes required, at most {@value #MAX_NOTES_LENGTH} characters
         * @throws InvalidSubmission naming the first field that breaks its rule
         */
        public static Command of(OfferId offer, String action, String amount, String notes, UserId reviewer,
                                 AuditLog.Actor actor) {
            EscalationAction parsed;
            try {
                parsed = EscalationAction.fromCode(action == null ? null : action.strip());
            } catch (UnknownCode e) {
                throw new InvalidSubmission("action", "must be one of approve, custom_price, reject");
            }
            Optional<Money> price = Optional.empty();
            if (parsed == EscalationAction.CUSTOM_PRICE) {
                if (amount == null || !AMOUNT.matcher(amount.strip()).matches()) {
                    throw new InvalidSubmission("amount", "a custom price needs an amount such as \"123.45\"");
                }
                BigDecimal value = new BigDecimal(amount.strip());
                if (value.signum() <= 0) {
                    throw new InvalidSubmission("amount", "must be more than 0.00");
                }
                price = Optional.of(Money.usd(value));
            } else if (amount != null) {
                throw new InvalidSubmission("amount", "is only given with custom_price");
            }
            if (notes == null || notes.isBlank()) {
                throw new InvalidSubmission("notes", "are required: say why, for the seller's file and the audit");
            }
            String stripped = notes.strip();
            if (stripped.length() > MAX_NOTES_LENGTH) {
                throw new InvalidSubmission("notes", "must be at most " + MAX_NOTES_LENGTH + " characters");
            }
            return new Command(offer, parsed, price, stripped, reviewer, actor);
        }

        EscalationResolution resolution() {
            return switch (action) {
                case APPROVE -> new EscalationResolution.Approve(reviewer, notes);
                case CUSTOM_PRICE -> new EscalationResolution.CustomPrice(reviewer, amount.orElseThrow(), notes);
                case REJECT -> new EscalationResolution.Reject(reviewer, notes);
            };
        }
    }

    /** @param shipment the label bought when a held acceptance was approved; empty otherwise */
    public record Result(Offer offer, EscalationChannel.Kind kind, Optional<Shipment> shipment) {
        public Result {
            Objects.requireNonNull(offer, "offer");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(shipment, "shipment");
        }
    }

    /**
     * @throws OfferNotFound no such offer (404)
     * @throws DomainException {@code NOT_IN_REVIEW} when the offer waits for no decision (never
     *     escalated, or resolved already), {@code DISPUTE_NOT_RESOLVABLE} for a dispute (read-only in
     *     the queue for now): 409
     * @throws com.jakebuysit.domain.offer.IllegalTransition a decision the item does not allow (a
     *     custom price for a held acceptance, approving with no proposed price): 409
     */
    public Result resolve(Command command) {
        Result result = issuer.inTransaction(transactor, labels -> resolveLocked(command, labels));
        Offer saved = result.offer();
        events.publishCommitted(new OfferEvents.OfferEvent(saved.id().value(), "status", "", saved.status().code(),
                Map.of()));
        if (result.kind() == EscalationChannel.Kind.ESCALATION && saved.status() == OfferStatus.READY) {
            voice.speakSoon(saved);
        }
        return result;
    }

    private Result resolveLocked(Command command, ShipmentIssuer.Labels labels) {
        Offer before = offers.lockById(command.offer()).orElseThrow(() -> new OfferNotFound(command.offer()));
        EscalationChannel.Kind kind = ReviewItem.kindOf(before).orElseThrow(() -> new DomainException("NOT_IN_REVIEW",
                "offer " + before.id() + " is " + before.status().code() + " and waits for no reviewer's decision"));
        if (kind == EscalationChannel.Kind.DISPUTE) {
            throw new DomainException("DISPUTE_NOT_RESOLVABLE",
                    "disputes are shown in the queue but not resolved through it yet");
        }
        PricingRules pricing = rules.current().pricingRules();
        Offer saved = offers.update(before.resolveEscalation(command.resolution(), pricing, clock));

        OfferTransition transition = OfferTransition.between(before, saved);
        Map<String, Object> after = new LinkedHashMap<>(transition.after());
        after.put("kind", kind.code());
        audit.record(new AuditLog.AuditEntry("offer", saved.id().toString(),
                "offer.escalation." + command.action().code(), command.actor(),
                Map.copyOf(transition.before()), after));

        Optional<Shipment> shipment = Optional.empty();
        if (kind == EscalationChannel.Kind.HELD_ACCEPTANCE && saved.status() == OfferStatus.ACCEPTED) {
            // Approved: the price lock starts now, and with it the label the held acceptance went without.
            shipment = Optional.of(labels.issue(saved, saved.acceptance().orElseThrow().address(),
                    saved.shipBy(pricing).orElseThrow(), command.actor()));
        }
        return new Result(saved, kind, shipment);
    }
}
