package com.jakebuysit.application.testing;

import com.jakebuysit.application.port.OfferPhotos;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Offer photos in a map; look-alikes by Hamming distance over the stored hashes, as the adapter's SQL. */
public final class MemoryOfferPhotos implements OfferPhotos {

    private final Map<OfferId, List<Photo>> rows = new HashMap<>();
    private final Offers offers;

    /** @param offers where the owner of another offer's photo is looked up */
    public MemoryOfferPhotos(Offers offers) {
        this.offers = offers;
    }

    @Override
    public void insert(OfferId offer, List<Photo> photos) {
        rows.computeIfAbsent(offer, key -> new ArrayList<>()).addAll(photos);
    }

    @Override
    public List<Photo> of(OfferId offer) {
        return List.copyOf(rows.getOrDefault(offer, List.of()));
    }

    @Override
    public List<SimilarPhoto> similarFromOthers(long hash, int maxHammingDistance, Optional<UserId> seller,
                                                OfferId offer, int limit) {
        List<SimilarPhoto> similar = new ArrayList<>();
        rows.forEach((other, photos) -> {
            Optional<UserId> owner = offers.byId(other).flatMap(o -> o.sellerId());
            boolean someoneElses = !other.equals(offer) && (owner.isEmpty() || !owner.equals(seller));
            for (Photo photo : photos) {
                if (someoneElses && Long.bitCount(photo.perceptualHash() ^ hash) <= maxHammingDistance) {
                    similar.add(new SimilarPhoto(other, owner, photo.position(), photo.perceptualHash()));
                }
            }
        });
        return similar.stream().limit(limit).toList();
    }
}
