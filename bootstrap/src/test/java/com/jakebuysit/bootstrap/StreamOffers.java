package com.jakebuysit.bootstrap;

import com.jakebuysit.adapters.out.postgres.JdbiOffers;
import com.jakebuysit.application.account.SecretTokens;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.jake.JakeScript;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.pricing.Quote;
import com.jakebuysit.domain.rules.BusinessRules;
import com.jakebuysit.domain.testing.Fixtures;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Offers stored through the {@code Offers} adapter and moved through the pipeline's states with the
 * domain's own commands, as the pipeline stores them, so a stream's reloads see each step's result.
 */
final class StreamOffers {

    private final Offers offers;
    private final Clock clock = Clock.systemUTC();

    StreamOffers(Jdbi jdbi) {
        this.offers = new JdbiOffers(jdbi);
    }

    /** A new offer in processing whose stream token is {@code streamToken}. */
    Offer processing(Optional<UserId> seller, String streamToken) {
        Offer offer = Offer.create(OfferId.random(), seller, Fixtures.submission(), clock);
        offers.insert(offer, new Offers.Origin(Optional.empty(), Optional.of(SecretTokens.hash(streamToken))));
        return offer;
    }

    Offer identified(Offer offer) {
        return offers.update(offer.recordIdentification(Fixtures.identification(), clock));
    }

    Offer priced(Offer offer) {
        return offers.update(offer.recordQuote(Quote.of(Money.usd("120.00"), Money.usd("250.00"),
                new BigDecimal("0.85")), clock));
    }

    Offer voiced(Offer offer) {
        return offers.update(offer.recordJake(JakeScript.textOnly("Howdy! Jake can offer you $120.00 for your Switch."),
                clock));
    }

    Offer ready(Offer offer) {
        return offers.update(offer.markReady(BusinessRules.defaults().pricingRules(), clock));
    }

    /** Identified, priced, voiced and ready, as a finished pipeline leaves it. */
    Offer finished(Offer offer) {
        return ready(voiced(priced(identified(offer))));
    }

    Offer escalated(Offer offer) {
        return offers.update(offer.escalate(List.of("a reviewer identifies the item"), clock));
    }

    Offer rejected(Offer offer) {
        return offers.update(offer.reject("stock photo", clock));
    }
}
