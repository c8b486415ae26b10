package com.jakebuysit.adapters.out.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jakebuysit.application.port.MarketResearch;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.pricing.ComparableSale;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Comparable sold listings from the AI/pricing service: {@code POST {aiBase}/research}.
 *
 * <pre>
 * → {"brand": "Apple", "model": "iPhone 13 Pro", "category": "phones_tablets", "condition": "good"}
 *                                                                   (brand and model null when unknown)
 * ← {"listings": [{"title": "…", "price": "412.50" | 412.5, "condition": "Used", "soldAt": "2025-05-01T10:00:00Z",
 *                  "url": "https://…"}], "stats": {…}}                      ({@code sold_at} is read too)
 * </pre>
 * {@code stats} is ignored: the domain computes its own from the listings. A listing that cannot be
 * used (no price, a non-positive price, unreadable condition or date, no URL) is left out and the
 * rest kept; an answer without a {@code listings} array is unusable.
 */
public final class HttpMarketResearch implements MarketResearch {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    public static final String SOURCE = "ai-research";
    static final String PATH = "/research";
    private static final Logger LOG = LoggerFactory.getLogger(HttpMarketResearch.class);
    private static final long MAX_BODY = 4L << 20;
    private static final int MAX_LISTINGS = 500;

    private final ProviderHttp http;

    public HttpMarketResearch(URI aiBase) {
        this(aiBase, DEFAULT_TIMEOUT, RetryPolicy.standard());
    }

    public HttpMarketResearch(URI aiBase, Duration timeout, RetryPolicy retry) {
        this.http = new ProviderHttp("ai-service", aiBase, timeout, retry, MAX_BODY);
    }

    @Override
    public Findings research(Request request) {
        ObjectNode body = ProviderJson.object();
        putOptional(body, "brand", request.brand());
        putOptional(body, "model", request.model());
        body.put("category", request.category().code());
        body.put("condition", request.condition().code());

        ProviderHttp.Reply reply = http.post(PATH, ProviderJson.bytes(body), "application/json");
        ObjectNode answer = ProviderJson.objectBody(http, PATH, reply.body());
        JsonNode listings = answer.get("listings");
        if (listings == null || !listings.isArray()) {
            throw http.malformed(PATH, "no listings array");
        }
        List<ComparableSale> sales = new ArrayList<>();
        int skipped = 0;
        for (JsonNode listing : listings) {
            if (sales.size() == MAX_LISTINGS) {
                break;
            }
            Optional<ComparableSale> sale = read(listing);
            sale.ifPresent(sales::add);
            skipped += sale.isPresent() ? 0 : 1;
        }
        if (skipped > 0) {
            LOG.info("ai-service: left out {} of {} listings that could not be read", skipped, listings.size());
        }
        return new Findings(sales, SOURCE);
    }

    private static Optional<ComparableSale> read(JsonNode listing) {
        if (!listing.isObject()) {
            return Optional.empty();
        }
        try {
            Optional<Condition> condition = WireValues.text(listing, "condition").flatMap(WireValues::condition);
            Optional<String> title = WireValues.text(listing, "title");
            Optional<String> url = WireValues.text(listing, "url");
            if (condition.isEmpty() || title.isEmpty() || url.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ComparableSale(title.get(), WireValues.money(listing.get("price")), condition.get(),
                    WireValues.instant(listing.has("soldAt") ? listing.get("soldAt") : listing.get("sold_at")), url.get()));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static void putOptional(ObjectNode body, String field, Optional<String> value) {
        if (value.isPresent()) {
            body.put(field, value.get());
        } else {
            body.putNull(field);
        }
    }
}
