package com.jakebuysit.application.port;

import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stored photos of each offer, and lookups over their perceptual hashes. */
public interface OfferPhotos {

    void insert(OfferId offer, List<Photo> photos);

    List<Photo> of(OfferId offer);

    /**
     * Photos of OTHER sellers' offers whose hash is within {@code maxHammingDistance} of {@code hash}
     * (an anonymous offer counts as another seller's, except the same offer itself).
     */
    List<SimilarPhoto> similarFromOthers(long hash, int maxHammingDistance, Optional<UserId> seller, OfferId offer,
                                         int limit);

    record Photo(int position, String storageKey, String thumbnailKey, String contentType, long sizeBytes, int width,
                 int height, long perceptualHash, PhotoInspector.ExifSummary exif, Instant createdAt) {
    }

    /** @param owner the seller of that offer; empty when it was anonymous */
    record SimilarPhoto(OfferId offer, Optional<UserId> owner, int position, long perceptualHash) {
    }
}
