package com.jakebuysit.domain.testing;

import com.jakebuysit.domain.Address;
import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.offer.Identification;
import com.jakebuysit.domain.offer.Item;
import com.jakebuysit.domain.offer.Submission;
import com.jakebuysit.domain.pricing.ComparableSale;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plain valid values for tests. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    public static final UserId SELLER = UserId.of("11111111-1111-4111-8111-111111111111");
    public static final UserId OTHER_SELLER = UserId.of("22222222-2222-4222-8222-222222222222");
    public static final UserId REVIEWER = UserId.of("33333333-3333-4333-8333-333333333333");

    private Fixtures() {
    }

    public static Address address() {
        return new Address("Jane Seller", "1 Main St", Optional.of("Apt 2"), "Austin", "TX", "78701", "US");
    }

    public static Submission submission() {
        return new Submission("Nintendo Switch OLED, barely used", Condition.LIKE_NEW, Optional.of(Category.GAMING),
                List.of("photos/a.jpg", "photos/b.jpg"));
    }

    public static Identification identification() {
        Item item = new Item(Category.GAMING, Optional.of("consoles"), Optional.of("Nintendo"),
                Optional.of("Switch OLED"), Condition.LIKE_NEW, List.of("64 GB"), List.of());
        return new Identification(item, new BigDecimal("0.91"));
    }

    public static ComparableSale sale(String price, Instant soldAt, int n) {
        return new ComparableSale("Comparable " + n, Money.usd(price), Condition.GOOD, soldAt,
                "https://market.example/listing/" + n);
    }

    /** {@code count} sales at the given prices (cycled), one a day back from {@code asOf}. */
    public static List<ComparableSale> sales(Instant asOf, int count, String... prices) {
        List<ComparableSale> sales = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sales.add(sale(prices[i % prices.length], asOf.minus(Duration.ofDays(i + 1)), i));
        }
        return sales;
    }
}
