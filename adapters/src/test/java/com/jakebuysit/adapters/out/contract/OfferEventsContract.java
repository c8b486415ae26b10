package com.jakebuysit.adapters.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.jakebuysit.application.port.OfferEvents;
import com.jakebuysit.application.port.OfferEvents.OfferEvent;
import com.jakebuysit.application.port.OfferEvents.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What every {@link OfferEvents} adapter promises; each adapter's test extends this. */
public abstract class OfferEventsContract {

    /** The adapter under test; each test uses offers of its own. */
    protected abstract OfferEvents events();

    @Test
    void a_subscriber_receives_an_offers_events_in_the_order_they_were_published() {
        UUID offerId = UUID.randomUUID();
        Recorder recorder = new Recorder();
        events().subscribe(offerId, recorder);
        List<OfferEvent> published = new ArrayList<>();

        for (int i = 1; i <= 30; i++) {
            OfferEvent event = step(offerId, "step-" + i);
            published.add(event);
            events().publish(event);
        }

        assertThat(recorder.next(30)).containsExactlyElementsOf(published);
    }

    @Test
    void every_subscriber_of_an_offer_receives_each_event() {
        UUID offerId = UUID.randomUUID();
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        events().subscribe(offerId, first);
        events().subscribe(offerId, second);

        events().publish(step(offerId, "identify"));
        events().publish(step(offerId, "pricing"));

        assertThat(first.next(2)).extracting(OfferEvent::step).containsExactly("identify", "pricing");
        assertThat(second.next(2)).extracting(OfferEvent::step).containsExactly("identify", "pricing");
    }

    @Test
    void a_closed_subscription_receives_nothing_more() {
        UUID offerId = UUID.randomUUID();
        Recorder leaving = new Recorder();
        Recorder staying = new Recorder();
        Subscription subscription = events().subscribe(offerId, leaving);
        events().subscribe(offerId, staying);
        events().publish(step(offerId, "identify"));
        assertThat(leaving.next().step()).isEqualTo("identify");
        assertThat(staying.next().step()).isEqualTo("identify");

        subscription.close();
        events().publish(step(offerId, "research"));
        events().publish(step(offerId, "pricing"));

        // Once the remaining listener has both, the closed one would have had them too.
        assertThat(staying.next(2)).extracting(OfferEvent::step).containsExactly("research", "pricing");
        assertThat(leaving.received()).isEmpty();
    }

    @Test
    void a_listener_hears_only_its_own_offer() {
        UUID mine = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Recorder recorder = new Recorder();
        Recorder otherRecorder = new Recorder();
        events().subscribe(mine, recorder);
        events().subscribe(other, otherRecorder);

        events().publish(step(other, "identify"));
        events().publish(step(mine, "voice"));

        // Published after the other offer's event, so that one would have arrived first.
        assertThat(recorder.next()).isEqualTo(step(mine, "voice"));
        assertThat(otherRecorder.next()).isEqualTo(step(other, "identify"));
        assertThat(recorder.received()).isEmpty();
    }

    @Test
    void publishing_to_an_offer_nobody_listens_to_is_harmless() {
        assertThatCode(() -> events().publish(step(UUID.randomUUID(), "identify"))).doesNotThrowAnyException();
    }

    @Test
    void an_event_arrives_whole() {
        UUID offerId = UUID.randomUUID();
        Recorder recorder = new Recorder();
        events().subscribe(offerId, recorder);
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("id", offerId.toString());
        offer.put("status", "ready");
        offer.put("amount", "123.45");
        offer.put("confidence", 87);
        offer.put("flagged", false);
        offer.put("revisedAmount", null);
        offer.put("item", Map.of("brand", "Nintendo", "model", "Switch OLED"));
        offer.put("photos", List.of("a.jpg", "b.jpg"));
        OfferEvent event = new OfferEvent(offerId, "status", "", "ready", offer);

        events().publish(event);

        OfferEvent received = recorder.next();
        assertThat(received).isEqualTo(event);
        assertThat(received.offer()).containsEntry("revisedAmount", null);
    }

    @Test
    void a_failing_listener_stops_neither_its_own_delivery_nor_the_others() {
        UUID offerId = UUID.randomUUID();
        Recorder failing = new Recorder(event -> {
            throw new IllegalStateException("listener bug");
        });
        Recorder healthy = new Recorder();
        events().subscribe(offerId, failing);
        events().subscribe(offerId, healthy);

        events().publish(step(offerId, "identify"));
        events().publish(step(offerId, "pricing"));

        assertThat(healthy.next(2)).extracting(OfferEvent::step).containsExactly("identify", "pricing");
        assertThat(failing.next(2)).extracting(OfferEvent::step).containsExactly("identify", "pricing");
    }

    @Test
    void a_slow_listener_holds_up_neither_the_publisher_nor_the_others() {
        UUID offerId = UUID.randomUUID();
        CountDownLatch release = new CountDownLatch(1);
        Recorder slow = new Recorder(event -> awaitQuietly(release));
        Recorder quick = new Recorder();
        events().subscribe(offerId, slow);
        events().subscribe(offerId, quick);

        try {
            // A generous ceiling, not a measurement: a publisher blocked by the listener would never return.
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                events().publish(step(offerId, "identify"));
                events().publish(step(offerId, "research"));
                events().publish(step(offerId, "pricing"));
            });
            assertThat(quick.next(3)).extracting(OfferEvent::step).containsExactly("identify", "research", "pricing");
        } finally {
            release.countDown();
        }
        assertThat(slow.next(3)).extracting(OfferEvent::step).containsExactly("identify", "research", "pricing");
    }

    @Test
    void closing_a_subscription_twice_is_harmless() {
        Subscription subscription = events().subscribe(UUID.randomUUID(), new Recorder());

        subscription.close();

        assertThatCode(subscription::close).doesNotThrowAnyException();
    }

    protected static OfferEvent step(UUID offerId, String step) {
        return new OfferEvent(offerId, "step", step, "processing", Map.of("id", offerId.toString(), "status", "processing"));
    }

    /** A listener that keeps what it hears, for tests to wait on. */
    protected static final class Recorder implements Consumer<OfferEvent> {

        private final BlockingQueue<OfferEvent> heard = new LinkedBlockingQueue<>();
        private final Consumer<OfferEvent> reaction;

        public Recorder() {
            this(event -> { });
        }

        public Recorder(Consumer<OfferEvent> reaction) {
            this.reaction = reaction;
        }

        @Override
        public void accept(OfferEvent event) {
            heard.add(event);
            reaction.accept(event);
        }

        /** The next event, waiting for it as long as {@link Await#PATIENCE}. */
        public OfferEvent next() {
            try {
                OfferEvent event = heard.poll(Await.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                if (event == null) {
                    throw new AssertionError("no event within " + Await.PATIENCE.toSeconds() + " s");
                }
                return event;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        public List<OfferEvent> next(int count) {
            OfferEvent[] events = new OfferEvent[count];
            for (int i = 0; i < count; i++) {
                events[i] = next();
            }
            return Arrays.asList(events);
        }

        /** What has arrived and not yet been taken, without waiting. */
        public List<OfferEvent> received() {
            return List.copyOf(heard);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
