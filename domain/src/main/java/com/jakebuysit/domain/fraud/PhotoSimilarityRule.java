package com.jakebuysit.domain.fraud;

import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.rules.FraudSettings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Duplicate and stock photos: an offer photo whose perceptual-hash similarity to a known stock
 * image or to a photo in another account's offer is at least {@code photoSimilarityFlag} (0.80) is
 * flagged, at least {@code photoSimilarityEscalate} (0.95) escalated. The seller's own earlier
 * photos do not count (re-listing your own item is not fraud).
 */
public final class PhotoSimilarityRule {

    public static final String RULE = "photo.similarity";

    private PhotoSimilarityRule() {
    }

    public static Assessment assess(List<Long> offerPhotoHashes, List<KnownPhoto> known, Optional<UserId> seller,
            FraudSettings settings) {
        Objects.requireNonNull(seller, "seller");
        Assessment result = Assessment.pass();
        for (int i = 0; i < offerPhotoHashes.size(); i++) {
            long hash = offerPhotoHashes.get(i);
            for (KnownPhoto photo : known) {
                if (photo.owner().isPresent() && photo.owner().equals(seller)) {
                    continue;
                }
                BigDecimal similarity = PerceptualHash.similarity(hash, photo.hash());
                Verdict verdict = bandOf(similarity, settings);
                if (verdict != Verdict.PASS) {
                    String what = photo.isStock() ? "a known stock image" : "a photo in another account's offer";
                    result = result.and(Assessment.of(verdict, RULE, "photo " + (i + 1) + " is "
                            + similarity.stripTrailingZeros().toPlainString() + " similar to " + what + " ("
                            + photo.reference() + ")"));
                }
            }
        }
        return result;
    }

    /** The verdict for one similarity: pass, flag or escalate. */
    public static Verdict bandOf(BigDecimal similarity, FraudSettings settings) {
        if (similarity.compareTo(settings.photoSimilarityEscalate()) >= 0) {
            return Verdict.ESCALATE;
        }
        if (similarity.compareTo(settings.photoSimilarityFlag()) >= 0) {
            return Verdict.FLAG;
        }
        return Verdict.PASS;
    }
}
