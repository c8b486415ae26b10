package com.jakebuysit.adapters.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.jakebuysit.application.port.OfferPhotos.Photo;
import com.jakebuysit.application.port.OfferPhotos.SimilarPhoto;
import com.jakebuysit.application.port.Offers.Origin;
import com.jakebuysit.application.port.PhotoInspector.ExifSummary;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.Submission;
import com.jakebuysit.domain.testing.Fixtures;
import com.jakebuysit.domain.testing.MutableClock;
import com.jakebuysit.testsupport.TestDatabase;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Offer photos on the real PostgreSQL: round trip with EXIF, and near-duplicate search by Hamming distance. */
class JdbiOfferPhotosTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:00:00.654321Z");
    private static final Random RANDOM = new Random(20260302);

    private static TestDatabase db;
    private static JdbiOffers offers;
    private static JdbiOfferPhotos photos;
    private static UserId seller;
    private static UserId otherSeller;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.migrated("jdbiofferphotos");
        Jdbi jdbi = db.jdbi();
        offers = new JdbiOffers(jdbi);
        photos = new JdbiOfferPhotos(jdbi);
        JdbiUsers users = new JdbiUsers(jdbi);
        User one = Accounts.anAccount("Photo Seller");
        User two = Accounts.anAccount("Other Photo Seller");
        users.insert(one);
        users.insert(two);
        seller = one.id();
        otherSeller = two.id();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void photos_read_back_in_order_with_their_exif_summary() {
        OfferId offer = offer(Optional.of(seller));
        ExifSummary full = new ExifSummary(Optional.of("Apple"), Optional.of("iPhone 15"),
                Optional.of(LocalDateTime.parse("2026-02-28T17:45:12")), Optional.of(ZoneOffset.ofHours(-6)),
                Optional.of("17.3.1"));
        ExifSummary partial = new ExifSummary(Optional.empty(), Optional.empty(),
                Optional.of(LocalDateTime.parse("2026-02-28T17:46:00.250")), Optional.empty(), Optional.of("GIMP 2.10"));
        Photo second = new Photo(1, "photos/b.jpg", "thumbs/b.jpg", "image/png", 2048, 800, 600, -1L, partial, AT);
        Photo first = new Photo(0, "photos/a.jpg", "thumbs/a.jpg", "image/jpeg", 123_456, 4032, 3024,
                0x8000_0000_0000_0001L, full, AT);
        Photo third = new Photo(2, "photos/c.webp", "thumbs/c.jpg", "image/webp", 99, 10, 20, 42L, ExifSummary.none(),
                AT.plusSeconds(1));

        photos.insert(offer, List.of(second, first, third));

        assertThat(photos.of(offer)).containsExactly(first, second, third);
        assertThat(photos.of(offer(Optional.of(seller)))).isEmpty();
    }

    @Test
    void similar_photos_of_other_sellers_are_found_within_the_distance_nearest_first() {
        long hash = RANDOM.nextLong();
        OfferId mine = offer(Optional.of(seller));
        OfferId myEarlierOffer = offer(Optional.of(seller));
        OfferId theirs = offer(Optional.of(otherSeller));
        OfferId anonymous = offer(Optional.empty());
        OfferId far = offer(Optional.of(otherSeller));
        photos.insert(mine, List.of(photo(0, hash)));
        photos.insert(myEarlierOffer, List.of(photo(0, hash)));
        photos.insert(theirs, List.of(photo(0, flip(hash, 0, 63)), photo(1, flip(hash, 1, 2, 3, 4, 5))));
        photos.insert(anonymous, List.of(photo(0, flip(hash, 7))));
        photos.insert(far, List.of(photo(0, flip(hash, 1, 2, 3, 4, 5, 6))));

        List<SimilarPhoto> found = photos.similarFromOthers(hash, 5, Optional.of(seller), mine, 10);

        assertThat(found).containsExactly(
                new SimilarPhoto(anonymous, Optional.empty(), 0, flip(hash, 7)),
                new SimilarPhoto(theirs, Optional.of(otherSeller), 0, flip(hash, 0, 63)),
                new SimilarPhoto(theirs, Optional.of(otherSeller), 1, flip(hash, 1, 2, 3, 4, 5)));
        assertThat(photos.similarFromOthers(hash, 5, Optional.of(seller), mine, 2)).hasSize(2);
        assertThat(photos.similarFromOthers(hash, 0, Optional.of(seller), mine, 10)).isEmpty();
        assertThat(photos.similarFromOthers(hash, 6, Optional.of(seller), mine, 10)).extracting(SimilarPhoto::offer)
                .containsExactly(anonymous, theirs, theirs, far);
    }

    @Test
    void for_an_anonymous_seller_every_other_offer_counts_but_its_own() {
        long hash = RANDOM.nextLong();
        OfferId anonymous = offer(Optional.empty());
        OfferId otherAnonymous = offer(Optional.empty());
        OfferId sellers = offer(Optional.of(seller));
        photos.insert(anonymous, List.of(photo(0, hash), photo(1, hash)));
        photos.insert(otherAnonymous, List.of(photo(0, hash)));
        photos.insert(sellers, List.of(photo(0, flip(hash, 10))));

        assertThat(photos.similarFromOthers(hash, 3, Optional.empty(), anonymous, 10))
                .containsExactly(new SimilarPhoto(otherAnonymous, Optional.empty(), 0, hash),
                        new SimilarPhoto(sellers, Optional.of(seller), 0, flip(hash, 10)));
        // Seen from the seller's offer, the two anonymous offers are someone else's.
        assertThat(photos.similarFromOthers(hash, 3, Optional.of(seller), sellers, 10))
                .extracting(SimilarPhoto::offer).containsExactlyInAnyOrder(anonymous, anonymous, otherAnonymous);
    }

    private static OfferId offer(Optional<UserId> owner) {
        Submission submission = new Submission("a thing with photos", Condition.GOOD, Optional.empty(),
                List.of("photos/x.jpg"));
        Offer offer = Offer.create(OfferId.random(), owner, submission, new MutableClock(Fixtures.T0));
        offers.insert(offer, new Origin(Optional.empty(), Optional.empty()));
        return offer.id();
    }

    private static Photo photo(int position, long hash) {
        return new Photo(position, "photos/" + position + ".jpg", "thumbs/" + position + ".jpg", "image/jpeg", 1000,
                640, 480, hash, ExifSummary.none(), AT);
    }

    private static long flip(long hash, int... bits) {
        long flipped = hash;
        for (int bit : bits) {
            flipped ^= 1L << bit;
        }
        return flipped;
    }
}
