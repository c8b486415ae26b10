package com.jakebuysit.application.offers;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.EscalationChannel;
import com.jakebuysit.application.port.FraudChecks;
import com.jakebuysit.application.port.OfferEvents;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.application.port.RulesConfig;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.application.shipping.ShipmentIssuer;
import com.jakebuysit.domain.Address;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.PayoutMethod;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.domain.fraud.Assessment;
import com.jakebuysit.domain.fraud.DailySpendRule;
import com.jakebuysit.domain.fraud.Verdict;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferTransition;
import com.jakebuysit.domain.pricing.Quote;
import com.jakebuysit.domain.rules.PricingRules;
import com.jakebuysit.domain.shipping.Shipment;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The seller says yes: the offer is claimed for the accepting account if it was anonymous, checked
 * against the daily spend cap, accepted, and its prepaid label bought, all in one transaction with
 * the offer row locked, so of any number of racing accepts exactly one buys a label.
 *
 * <p>An acceptance that would pass the daily spend cap is held for a reviewer (accepted, with an
 * open escalation, no label yet), never silently refused. The cap is checked under a lock that
 * serializes the cap checks, so two accepts cannot both fit under the last dollars of the day;
 * the label is bought before that lock, so no accept waits on another's carrier call.
 */
public final class AcceptOffer {

    private final Transactor transactor;
    private final Offers offers;
    private final Users users;
    private final FraudChecks fraudChecks;
    private final RulesConfig rules;
    private final ShipmentIssuer issuer;
    private final AuditLog audit;
    private final OfferEvents events;
    private final EscalationChannel reviewers;
    private final Clock clock;

    public AcceptOffer(Transactor transactor, Offers offers, Users users, FraudChecks fraudChecks, RulesConfig rules,
                       ShipmentIssuer issuer, AuditLog audit, OfferEvents events, EscalationChannel reviewers,
                       Clock clock) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
        this.offers = Objects.requireNonNull(offers, "offers");
        this.users = Objects.requireNonNull(users, "users");
        this.fraudChecks = Objects.requireNonNull(fraudChecks, "fraudChecks");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.events = Objects.requireNonNull(events, "events");
        this.reviewers = Objects.requireNonNull(reviewers, "reviewers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param streamToken the offer's stream token: an anonymous offer is only claimed by whoever
     *     holds it (the person who submitted it), never by anyone who learns its id
     */
    public record Command(OfferId offer, UserId seller, Optional<String> streamToken, PayoutMethod payoutMethod,
                          Address address, AuditLog.Actor actor) {
        public Command {
            Objects.requireNonNull(offer, "offer");
            Objects.requireNonNull(seller, "seller");
            Objects.requireNonNull(streamToken, "streamToken");
            Objects.requireNonNull(payoutMethod, "payoutMethod");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** {@code shipment} is empty when the acceptance is held for review ({@code heldBecause} says why). */
    public record Result(Offer offer, Optional<Shipment> shipment, List<String> heldBecause) {
        public boolean held() {
            return !heldBecause.isEmpty();
        }
    }

    /**
     * @throws OfferNotFound no such offer
     * @throws OfferAccessDenied the offer is another account's, or anonymous and the stream token is missing or wrong
     * @throws InvalidSubmission the account has no payout details for the chosen method
     * @throws com.jakebuysit.domain.offer.IllegalTransition not ready (409)
     * @throws com.jakebuysit.domain.offer.OfferExpired at or after {@code expiresAt} (409)
     */
    public Result accept(Command command) {
        Result result = issuer.inTransaction(transactor, labels -> acceptLocked(command, labels));
        events.publishCommitted(new OfferEvents.OfferEvent(command.offer().value(), "status", "",
                result.offer().status().code(), Map.of()));
        if (result.held()) {
            reviewers.escalationOpened(result.offer().id(), EscalationChannel.Kind.HELD_ACCEPTANCE,
                    result.heldBecause());
        }
        return result;
    }

    private Result acceptLocked(Command command, ShipmentIssuer.Labels labels) {
        Offer offer = offers.lockById(command.offer()).orElseThrow(() -> new OfferNotFound(command.offer()));
        requireMayAccept(offer, command);
        User seller = users.byId(command.seller()).orElseThrow(OfferAccessDenied::new);
        requirePayoutDetails(seller, command.payoutMethod());

        Offer claimed = offer.claim(command.seller(), clock);
        PricingRules pricing = rules.current().pricingRules();
        Offer accepted = claimed.accept(command.payoutMethod(), command.address(), clock);
        // Bought before the spend lock, under this offer's row lock only: accepts of different offers
        // wait for each other's cap check, never for each other's carrier call. An acceptance that
        // turns out to be over the cap gives its label back.
        labels.purchase(accepted, command.address());

        Money amount = claimed.quote().map(Quote::amount).orElseThrow();
        Instant startOfDay = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Money spentToday = offers.lockDailySpend(startOfDay);
        Assessment cap = DailySpendRule.assess(spentToday, amount, pricing);

        List<String> heldBecause = List.of();
        if (cap.verdict() == Verdict.ESCALATE) {
            heldBecause = cap.reasons().stream().map(r -> r.rule() + ": " + r.message()).toList();
            accepted = claimed.acceptHeld(command.payoutMethod(), command.address(), heldBecause, clock);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("amount", amount.toWire());
            facts.put("spentToday", spentToday.toWire());
            facts.put("cap", pricing.dailySpendCapMoney().toWire());
            fraudChecks.record(Optional.of(offer.id()), Optional.of(command.seller()), "accept", cap, facts);
        }
        Offer saved = offers.update(accepted);

        OfferTransition change = OfferTransition.between(offer, saved);
        Map<String, Object> after = new LinkedHashMap<>(change.after());
        after.put("payoutMethod", command.payoutMethod().code());
        after.put("heldForReview", saved.isHeldForReview());
        audit.record(new AuditLog.AuditEntry("offer", offer.id().toString(),
                saved.isHeldForReview() ? "offer.accept_held" : "offer.accepted", command.actor(),
                Map.copyOf(change.before()), after));

        if (saved.isHeldForReview()) {
            labels.giveBack();
            return new Result(saved, Optional.empty(), heldBecause);
        }
        Shipment shipment = labels.record(command.address(), saved.shipBy(pricing).orElseThrow(), command.actor());
        return new Result(saved, Optional.of(shipment), heldBecause);
    }

    private void requireMayAccept(Offer offer, Command command) {
        if (offer.sellerId().isPresent()) {
            if (!offer.sellerId().get().equals(command.seller())) {
                throw new OfferAccessDenied();
            }
            return;
        }
        Viewer holder = new Viewer(Optional.empty(), false, command.streamToken());
        if (!holder.maySee(offer, offers.streamTokenHash(offer.id()))) {
            throw new OfferAccessDenied("an anonymous offer is claimed with the stream token it was submitted with");
        }
    }

    private static void requirePayoutDetails(User seller, PayoutMethod method) {
        if (method == PayoutMethod.JAKE_BUCKS) {
            return;
        }
        if (seller.payoutMethod().filter(method::equals).isEmpty() || seller.payoutDetailsMasked().isEmpty()) {
            throw new InvalidSubmission("payoutMethod", "no " + method.code() + " payout details on the account: "
                    + "set them with PUT /api/v1/users/me/payout-method, or choose jake_bucks");
        }
    }
}
