package com.jakebuysit.domain.fraud;

import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.rules.BusinessRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fraud checks of a new offer in one call: velocity, duplicate/stock photos, EXIF red flags
 * and trust, combined (worst verdict wins, reasons concatenated).
 */
public final class OfferScreening {

    private OfferScreening() {
    }

    /**
     * The facts about a new offer.
     *
     * @param seller the seller's account, empty for an anonymous offer
     * @param offersLastHour offers the account started in the last hour (ignored when anonymous)
     * @param offersLastDay offers the account started in the last day; when anonymous, the offers
     *     started from this IP address in the last day
     * @param photoHashes the perceptual hash of each photo of the offer
     * @param knownPhotos earlier photos and stock images that look alike (the application's candidates)
     * @param exif the EXIF facts of each photo that has any
     * @param trust the seller's trust score (the initial score for anonymous sellers)
     */
    public record Facts(Optional<UserId> seller, int offersLastHour, int offersLastDay, List<Long> photoHashes,
            List<KnownPhoto> knownPhotos, List<ExifFacts> exif, TrustScore trust) {

        public Facts {
            Objects.requireNonNull(seller, "seller");
            photoHashes = List.copyOf(photoHashes);
            knownPhotos = List.copyOf(knownPhotos);
            exif = List.copyOf(exif);
            Objects.requireNonNull(trust, "trust");
        }
    }

    public static Assessment assess(Facts facts, BusinessRules rules) {
        List<Assessment> all = new ArrayList<>();
        all.add(facts.seller().isPresent()
                ? VelocityRule.forUser(facts.offersLastHour(), facts.offersLastDay(), rules.fraudSettings())
                : VelocityRule.forAnonymous(facts.offersLastDay(), rules.fraudSettings()));
        all.add(PhotoSimilarityRule.assess(facts.photoHashes(), facts.knownPhotos(), facts.seller(),
                rules.fraudSettings()));
        for (ExifFacts exif : facts.exif()) {
            all.add(ExifRule.assess(exif, rules.fraudSettings()));
        }
        all.add(TrustRule.assess(facts.trust(), rules.trust()));
        return Assessment.combine(all);
    }
}
