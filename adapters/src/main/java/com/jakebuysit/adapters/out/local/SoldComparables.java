package com.jakebuysit.adapters.out.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.pricing.ComparableSale;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The shipped SAMPLE data set of sold comparables ({@code catalog/sold-comparables.json}), keyed by
 * catalog item id. Generated, plausible, not real sales (the file says so in {@code sampleData} and
 * {@code notice}). Its dates are relative to the file's {@code anchorDate}; {@link #forItem} moves
 * them by {@code now − anchorDate}, so the newest sale in the file is always two days old and the
 * data never goes stale.
 */
public final class SoldComparables {

    public static final String RESOURCE = "/catalog/sold-comparables.json";

    private final Instant anchorDate;
    private final boolean sampleData;
    private final Map<String, List<ComparableSale>> byItem;

    SoldComparables(Instant anchorDate, boolean sampleData, Map<String, List<ComparableSale>> byItem) {
        this.anchorDate = Objects.requireNonNull(anchorDate, "anchorDate");
        this.sampleData = sampleData;
        Map<String, List<ComparableSale>> copy = new HashMap<>();
        byItem.forEach((id, sales) -> copy.put(id, List.copyOf(sales)));
        this.byItem = Map.copyOf(copy);
    }

    /** The data set shipped in this jar, read once. */
    public static SoldComparables shipped() {
        return Shipped.DATA;
    }

    /** Reads a data set in the format of {@value #RESOURCE}. */
    public static SoldComparables read(InputStream json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            Instant anchor = Instant.parse(root.path("anchorDate").asText());
            Map<String, List<ComparableSale>> byItem = new HashMap<>();
            root.path("comparables").fields().forEachRemaining(entry -> {
                List<ComparableSale> sales = new ArrayList<>();
                for (JsonNode sale : entry.getValue()) {
                    sales.add(new ComparableSale(sale.path("title").asText(), Money.parse(sale.path("price").asText()),
                            Condition.fromCode(sale.path("condition").asText()), Instant.parse(sale.path("soldAt").asText()),
                            sale.path("url").asText()));
                }
                byItem.put(entry.getKey(), sales);
            });
            return new SoldComparables(anchor, root.path("sampleData").asBoolean(false), byItem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sold comparables", e);
        }
    }

    /** The instant the file's dates are relative to. */
    public Instant anchorDate() {
        return anchorDate;
    }

    /** True for generated sample data (the shipped set always is). */
    public boolean sampleData() {
        return sampleData;
    }

    /** How many items have comparables. */
    public int itemCount() {
        return byItem.size();
    }

    /** The item's comparables, newest first, with dates moved so that the file's anchor date is {@code now}. */
    public List<ComparableSale> forItem(String itemId, Instant now) {
        List<ComparableSale> stored = byItem.getOrDefault(itemId, List.of());
        Duration shift = Duration.between(anchorDate, now);
        List<ComparableSale> shifted = new ArrayList<>(stored.size());
        for (ComparableSale sale : stored) {
            shifted.add(new ComparableSale(sale.title(), sale.price(), sale.condition(), sale.soldAt().plus(shift),
                    sale.url()));
        }
        return shifted;
    }

    private static final class Shipped {
        static final SoldComparables DATA = load();

        private static SoldComparables load() {
            try (InputStream in = SoldComparables.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the sample comparables " + RESOURCE + " are missing from the classpath");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
