package com.jakebuysit.domain.testing;

import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.PayoutMethod;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.offer.Grading;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.pricing.Quote;
import com.jakebuysit.domain.rules.BusinessRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Builds an offer in any status by running the real commands on it, so it is always one the
 * domain could have produced: {@code anOffer().inStatus(SHIPPED).build()}.
 */
public final class OfferBuilder {

    private OfferStatus status = OfferStatus.PROCESSING;
    private Optional<UserId> seller = Optional.of(Fixtures.SELLER);
    private Money amount = Money.usd("120.00");
    private Money fmv = Money.usd("250.00");
    private PayoutMethod payoutMethod = PayoutMethod.STRIPE;
    private BusinessRules rules = BusinessRules.defaults();
    private MutableClock clock = new MutableClock(Fixtures.T0);
    private OfferId id = OfferId.random();

    private OfferBuilder() {
    }

    public static OfferBuilder anOffer() {
        return new OfferBuilder();
    }

    public OfferBuilder inStatus(OfferStatus value) {
        status = value;
        return this;
    }

    /** Sold by this account instead of {@link Fixtures#SELLER}. */
    public OfferBuilder by(UserId value) {
        seller = Optional.of(value);
        return this;
    }

    public OfferBuilder anonymous() {
        seller = Optional.empty();
        return this;
    }

    public OfferBuilder withAmount(Money value) {
        amount = value;
        return this;
    }

    public OfferBuilder paidIn(PayoutMethod value) {
        payoutMethod = value;
        return this;
    }

    public OfferBuilder withRules(BusinessRules value) {
        rules = value;
        return this;
    }

    public OfferBuilder withId(OfferId value) {
        id = value;
        return this;
    }

    /** The clock the commands run on; each step moves it one minute on. */
    public OfferBuilder on(MutableClock value) {
        clock = value;
        return this;
    }

    public Offer build() {
        Offer offer = Offer.create(id, seller, Fixtures.submission(), clock);
        return switch (status) {
            case PROCESSING -> offer;
            case ESCALATED -> offer.escalate(List.of("needs a human"), tick());
            case REJECTED -> offer.reject("stock photo", tick());
            case CANCELLED -> offer.cancel("changed my mind", tick());
            default -> fromReady(ready(offer));
        };
    }

    private Offer ready(Offer offer) {
        return offer.recordIdentification(Fixtures.identification(), tick())
                .recordQuote(Quote.of(amount, fmv, new BigDecimal("0.85")), tick())
                .markReady(rules.pricingRules(), tick());
    }

    private Offer fromReady(Offer ready) {
        switch (status) {
            case READY:
                return ready;
            case DECLINED:
                return ready.decline(Optional.of("too low"), tick());
            case EXPIRED:
                clock.advance(rules.pricingRules().offerValidity());
                return ready.expire(clock);
            default:
                break;
        }
        Offer accepted = (ready.sellerId().isPresent() ? ready : ready.claim(Fixtures.SELLER, tick()))
                .accept(payoutMethod, Fixtures.address(), tick());
        if (status == OfferStatus.ACCEPTED) {
            return accepted;
        }
        Offer shipped = accepted.markShipped(tick());
        if (status == OfferStatus.SHIPPED) {
            return shipped;
        }
        if (status == OfferStatus.DISPUTED) {
            return shipped.dispute("carrier says delivered, warehouse says no", tick());
        }
        Offer received = shipped.markReceived(tick());
        return switch (status) {
            case RECEIVED -> received;
            case RETURNED -> received.verify(Grading.refused(received.submission().statedCondition(), "counterfeit"),
                    rules.verification(), tick());
            case VERIFIED -> received.verify(Grading.approved(received.submission().statedCondition()),
                    rules.verification(), tick());
            case PAID -> received.verify(Grading.approved(received.submission().statedCondition()),
                    rules.verification(), tick()).markPaid(tick());
            default -> throw new IllegalStateException("no path to " + status);
        };
    }

    private MutableClock tick() {
        return clock.advance(Duration.ofMinutes(1));
    }
}
