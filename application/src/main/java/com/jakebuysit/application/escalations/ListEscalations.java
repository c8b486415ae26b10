package com.jakebuysit.application.escalations;

import com.jakebuysit.application.port.EscalationChannel;
import com.jakebuysit.application.port.EscalationQueue;
import com.jakebuysit.application.port.OfferPhotos;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.application.port.Page;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.offer.Offer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A reviewer reads the queue, the longest-waiting item first, with what they need to decide each. */
public final class ListEscalations {

    private final EscalationQueue queue;
    private final Offers offers;
    private final OfferPhotos photos;
    private final Users users;

    public ListEscalations(EscalationQueue queue, Offers offers, OfferPhotos photos, Users users) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.offers = Objects.requireNonNull(offers, "offers");
        this.photos = Objects.requireNonNull(photos, "photos");
        this.users = Objects.requireNonNull(users, "users");
    }

    /** @param queueSize every item waiting now, not only this page's */
    public record Result(List<ReviewItem> items, Optional<String> nextCursor, long queueSize) {
        public Result {
            items = List.copyOf(items);
            Objects.requireNonNull(nextCursor, "nextCursor");
        }
    }

    /**
     * @param limit as asked; kept within {@link Page#limit}
     * @throws com.jakebuysit.application.port.InvalidCursor when the cursor is not one the queue made
     */
    public Result list(Optional<String> cursor, Integer limit) {
        Page<Offer> page = queue.oldestFirst(cursor, Page.limit(limit));
        List<ReviewItem> items = page.items().stream().map(this::item).flatMap(Optional::stream).toList();
        return new Result(items, page.nextCursor(), queue.size());
    }

    private Optional<ReviewItem> item(Offer offer) {
        return ReviewItem.kindOf(offer).map(kind -> new ReviewItem(offer, kind, queuedAt(offer, kind),
                reasons(offer, kind), offer.sellerId().flatMap(users::byId), photos.of(offer.id()),
                offers.marketFindings(offer.id()), offers.pricing(offer.id()), ReviewItem.actionsFor(offer, kind)));
    }

    private static Instant queuedAt(Offer offer, EscalationChannel.Kind kind) {
        return kind == EscalationChannel.Kind.DISPUTE
                ? offer.dispute().orElseThrow().openedAt()
                : offer.escalation().orElseThrow().escalatedAt();
    }

    private static List<String> reasons(Offer offer, EscalationChannel.Kind kind) {
        return kind == EscalationChannel.Kind.DISPUTE
                ? List.of(offer.dispute().orElseThrow().reason())
                : offer.escalation().orElseThrow().reasons();
    }
}
