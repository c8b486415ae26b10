package com.jakebuysit.application.escalations;

import com.jakebuysit.application.offers.OfferPipeline;
import com.jakebuysit.application.offers.PipelineStep;
import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.BackgroundWork;
import com.jakebuysit.application.port.OfferEvents;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.jake.JakeScript;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.offer.OfferTransition;
import com.jakebuysit.domain.pricing.Quote;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Jake's voice for a price a reviewer approved or set: the pipeline's voice step never ran for it
 * (an escalated offer stops before that step). Runs in the background after the decision commits,
 * with the voice step's retries and text-only fallback, and stores Jake's script on the offer only
 * while it is still ready at the price that was voiced; then the seller's stream hears a voice step.
 * Not durable: if this instance stops first, the offer stays without Jake's words, which the
 * offer view shows as no {@code jake}.
 */
public final class SpeakApprovedPrice {

    private static final System.Logger LOG = System.getLogger(SpeakApprovedPrice.class.getName());

    private final Transactor transactor;
    private final Offers offers;
    private final OfferPipeline pipeline;
    private final AuditLog audit;
    private final OfferEvents events;
    private final BackgroundWork background;
    private final Clock clock;

    public SpeakApprovedPrice(Transactor transactor, Offers offers, OfferPipeline pipeline, AuditLog audit,
                              OfferEvents events, BackgroundWork background, Clock clock) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
        this.offers = Objects.requireNonNull(offers, "offers");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.events = Objects.requireNonNull(events, "events");
        this.background = Objects.requireNonNull(background, "background");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Voices the offer's price on another thread; failures are logged, never thrown at the caller. */
    public void speakSoon(Offer approved) {
        Money price = approved.quote().map(Quote::amount).orElseThrow();
        try {
            background.submit(() -> {
                try {
                    speak(approved.id(), price);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Jake's voice for the approved price of offer "
                            + approved.id() + " failed", e);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not start Jake's voice for offer " + approved.id(), e);
        }
    }

    /**
     * Voices {@code price} for the offer and stores it. Returns the stored offer, or empty when the
     * offer moved on meanwhile (accepted, expired, another price): a script for a price the seller
     * no longer sees is not stored.
     */
    public Optional<Offer> speak(OfferId id, Money price) {
        Optional<Offer> current = offers.byId(id).filter(offer -> stillShows(offer, price));
        if (current.isEmpty()) {
            return Optional.empty();
        }
        JakeScript jake = pipeline.composeJake(current.get());
        Optional<Offer> saved = transactor.inTransaction(() -> {
            Optional<Offer> locked = offers.lockById(id).filter(offer -> stillShows(offer, price));
            if (locked.isEmpty()) {
                return Optional.<Offer>empty();
            }
            Offer before = locked.get();
            Offer stored = offers.update(before.recordJake(jake, clock));
            OfferTransition transition = OfferTransition.between(before, stored);
            audit.record(new AuditLog.AuditEntry("offer", id.toString(), "offer.step." + PipelineStep.VOICE.code(),
                    AuditLog.Actor.system(), Map.copyOf(transition.before()), Map.copyOf(transition.after())));
            return Optional.of(stored);
        });
        saved.ifPresent(offer -> events.publishCommitted(new OfferEvents.OfferEvent(id.value(), "step",
                PipelineStep.VOICE.code(), offer.status().code(), Map.of())));
        return saved;
    }

    private static boolean stillShows(Offer offer, Money price) {
        return offer.status() == OfferStatus.READY && offer.quote().map(Quote::amount)
                .filter(amount -> amount.compareTo(price) == 0).isPresent();
    }
}
