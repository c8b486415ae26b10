package com.jakebuysit.application.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.application.port.OfferEvents;
import com.jakebuysit.application.port.OfferEvents.OfferEvent;
import com.jakebuysit.application.testing.MemoryOfferPhotos;
import com.jakebuysit.application.testing.MemoryOffers;
import com.jakebuysit.application.testing.MemoryShipments;
import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.offer.Submission;
import com.jakebuysit.domain.pricing.Quote;
import com.jakebuysit.domain.rules.BusinessRules;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The stream's rules on in-memory ports, where the moments that are races on a real bus (an event
 * heard while the first read is under way) can be set up exactly. The whole-app tests drive the
 * same class over Redis, PostgreSQL, SSE and WebSocket.
 */
class FollowOfferTest {

    private static final UserId SELLER = UserId.random();

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final MemoryOffers offers = new MemoryOffers();
    private final MemoryEvents events = new MemoryEvents();
    private final RecordingSink sink = new RecordingSink();
    private final FollowOffer follow = new FollowOffer(new ViewOffer(offers, new MemoryOfferPhotos(offers),
            new MemoryShipments()), events, clock);
    private final Viewer owner = Viewer.account(SELLER, false);

    @Test
    void theOfferAsItStandsFirstThenOneUpdatePerEventWithTheOfferReadAgainThenTheEnd() {
        Offer offer = offers.put(newOffer());

        FollowOffer.Following following = follow.follow(offer.id(), owner, sink);
        Offer priced = offers.put(offer.recordQuote(quote(), clock));
        events.publish(step(offer, "pricing", "processing"));
        offers.put(priced.markReady(BusinessRules.defaults().pricingRules(), clock));
        events.publish(status(offer, "ready"));
        events.publish(status(offer, "ready"));

        assertThat(sink.updates).extracting(FollowOfferTest::describe).containsExactly(
                "status::processing", "step:pricing:processing", "status::ready (last)");
        assertThat(sink.updates.get(0).offer().offer().quote()).isEmpty();
        assertThat(sink.updates.get(1).offer().offer().quote()).isPresent();
        assertThat(sink.updates.get(2).offer().offer().status()).isEqualTo(OfferStatus.READY);
        assertThat(following.isOpen()).isFalse();
        assertThat(events.listeners()).isZero();
        assertThat(sink.broken).isEmpty();
    }

    @Test
    void eventsHeardWhileTheFirstUpdateIsReadFollowItInOrderEachOnce() {
        Offer offer = offers.put(newOffer());
        offers.onNextRead(() -> {
            events.publish(step(offer, "identify", "processing"));
            events.publish(step(offer, "market", "processing"));
        });

        follow.follow(offer.id(), owner, sink);

        assertThat(sink.updates).extracting(FollowOfferTest::describe).containsExactly(
                "status::processing", "step:identify:processing", "step:market:processing");
    }

    @Test
    void anOfferPastProcessingAtConnectIsTheOnlyUpdateAndNothingStaysSubscribed() {
        Offer offer = offers.put(newOffer().recordQuote(quote(), clock)
                .markReady(BusinessRules.defaults().pricingRules(), clock));
        offers.onNextRead(() -> events.publish(status(offer, "ready")));

        FollowOffer.Following following = follow.follow(offer.id(), owner, sink);

        assertThat(sink.updates).extracting(FollowOfferTest::describe).containsExactly("status::ready (last)");
        assertThat(following.isOpen()).isFalse();
        assertThat(events.listeners()).isZero();
    }

    @Test
    void aStepThatEscalatesEndsTheStream() {
        Offer offer = offers.put(newOffer());
        follow.follow(offer.id(), owner, sink);

        offers.put(offer.escalate(List.of("identification failed"), clock));
        events.publish(step(offer, "identify", "escalated"));
        events.publish(status(offer, "escalated"));

        assertThat(sink.updates).extracting(FollowOfferTest::describe).containsExactly(
                "status::processing", "step:identify:escalated (last)");
        assertThat(events.listeners()).isZero();
    }

    @Test
    void aViewerWhoMayNotSeeTheOfferIsRefusedAndLeavesNothingSubscribed() {
        Offer offer = offers.put(newOffer());

        assertThatThrownBy(() -> follow.follow(offer.id(), Viewer.account(UserId.random(), false), sink))
                .isInstanceOf(OfferAccessDenied.class);
        assertThatThrownBy(() -> follow.follow(OfferId.random(), owner, sink)).isInstanceOf(OfferNotFound.class);
        assertThatThrownBy(() -> follow.authorize(offer.id(), Viewer.withStreamToken("not-the-token")))
                .isInstanceOf(OfferAccessDenied.class);
        assertThat(sink.updates).isEmpty();
        assertThat(events.listeners()).isZero();
    }

    @Test
    void staffAndTheStreamTokenHolderMayFollow() {
        Offer offer = offers.put(newOffer());
        offers.streamToken(offer.id(), "the-stream-token");

        follow.follow(offer.id(), Viewer.account(UserId.random(), true), sink).close();
        follow.follow(offer.id(), Viewer.withStreamToken("the-stream-token"), sink).close();

        assertThat(sink.updates).hasSize(2);
        assertThat(events.listeners()).isZero();
    }

    @Test
    void aClientThatGoesStopsTheUpdatesAndReleasesTheSubscription() {
        Offer offer = offers.put(newOffer());
        FollowOffer.Following following = follow.follow(offer.id(), owner, sink);

        following.close();
        following.close();
        events.publish(step(offer, "identify", "processing"));

        assertThat(sink.updates).hasSize(1);
        assertThat(events.listeners()).isZero();
        assertThat(sink.broken).isEmpty();
    }

    @Test
    void aSendThatFailsEndsTheStreamOnce() {
        Offer offer = offers.put(newOffer());
        follow.follow(offer.id(), owner, sink);
        sink.failing = true;

        events.publish(step(offer, "identify", "processing"));
        events.publish(step(offer, "market", "processing"));

        assertThat(sink.broken).hasSize(1);
        assertThat(events.listeners()).isZero();
    }

    @Test
    void theHeartbeatEndsAStreamWhoseFinalEventWasLostOnceTheOfferHasBeenSettledForAWhile() {
        Offer offer = offers.put(newOffer());
        FollowOffer.Following following = follow.follow(offer.id(), owner, sink);

        following.checkSettled();
        // Settled now, its event not here yet: it may still be on its way.
        offers.put(offer.recordQuote(quote(), clock).markReady(BusinessRules.defaults().pricingRules(), clock));
        following.checkSettled();
        assertThat(following.isOpen()).isTrue();

        clock.advance(FollowOffer.SETTLED_GRACE.plusSeconds(1));
        following.checkSettled();
        events.publish(status(offer, "ready"));

        assertThat(sink.updates).extracting(FollowOfferTest::describe).containsExactly(
                "status::processing", "status::ready (last)");
        assertThat(following.isOpen()).isFalse();
        assertThat(events.listeners()).isZero();
    }

    // ---- fixtures -------------------------------------------------------------------------------

    private Offer newOffer() {
        return Offer.create(OfferId.random(), Optional.of(SELLER), new Submission("Nintendo Switch OLED",
                Condition.GOOD, Optional.of(Category.GAMING), List.of("offers/p1.jpg")), clock);
    }

    private static Quote quote() {
        return Quote.of(Money.usd("120.00"), Money.usd("250.00"), new BigDecimal("0.85"));
    }

    private static OfferEvent step(Offer offer, String step, String status) {
        return new OfferEvent(offer.id().value(), "step", step, status, Map.of());
    }

    private static OfferEvent status(Offer offer, String status) {
        return new OfferEvent(offer.id().value(), "status", "", status, Map.of());
    }

    private static String describe(FollowOffer.Update update) {
        return update.type() + ":" + update.step() + ":" + update.status() + (update.last() ? " (last)" : "");
    }

    private static final class RecordingSink implements FollowOffer.Sink {
        final List<FollowOffer.Update> updates = new ArrayList<>();
        final List<Exception> broken = new ArrayList<>();
        boolean failing;

        @Override
        public void send(FollowOffer.Update update) throws Exception {
            if (failing) {
                throw new IOException("the client went away");
            }
            updates.add(update);
        }

        @Override
        public void broken(Exception cause) {
            broken.add(cause);
        }
    }

    /** Delivers on the publisher's thread, at once, to the listeners subscribed at that moment. */
    private static final class MemoryEvents implements OfferEvents {
        private final Map<UUID, List<Consumer<OfferEvent>>> listeners = new HashMap<>();

        @Override
        public void publish(OfferEvent event) {
            List.copyOf(listeners.getOrDefault(event.offerId(), List.of())).forEach(listener -> listener.accept(event));
        }

        @Override
        public Subscription subscribe(UUID offerId, Consumer<OfferEvent> listener) {
            listeners.computeIfAbsent(offerId, id -> new CopyOnWriteArrayList<>()).add(listener);
            return () -> listeners.getOrDefault(offerId, new ArrayList<>()).remove(listener);
        }

        int listeners() {
            return listeners.values().stream().mapToInt(List::size).sum();
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
