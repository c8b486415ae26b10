package com.jakebuysit.domain.pricing;

import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * A comparable sold listing found by market research: what it was, what it sold for and when.
 * (Named {@code ComparableSale}, not {@code Comparable}, so it never shadows {@link java.lang.Comparable}.)
 */
public record ComparableSale(String title, Money price, Condition condition, Instant soldAt, String url) {

    public ComparableSale {
        title = Text.required(title, "title", 500);
        Objects.requireNonNull(price, "price").requirePositive("comparable price");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(soldAt, "soldAt");
        url = Text.required(url, "url", 2000);
    }
}
