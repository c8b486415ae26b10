package com.jakebuysit.adapters.out.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.domain.Category;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shipped catalog of common items ({@code catalog/items.json}): what the local identifier
 * recognises and what the sample comparables are keyed by. Loaded once; immutable.
 */
public final class Catalog {

    public static final String RESOURCE = "/catalog/items.json";
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    private final List<CatalogItem> items;
    private final Map<String, CatalogItem> byId;
    private final Map<String, CatalogItem> byBrandAndModel;
    private final Map<String, List<CatalogItem>> byModel;
    private final Map<Category, Set<String>> categoryKeywords;

    Catalog(List<CatalogItem> items, Map<Category, Set<String>> categoryKeywords) {
        this.items = List.copyOf(items);
        Map<String, CatalogItem> ids = new LinkedHashMap<>();
        Map<String, CatalogItem> names = new HashMap<>();
        Map<String, List<CatalogItem>> models = new HashMap<>();
        for (CatalogItem item : this.items) {
            if (ids.putIfAbsent(item.id(), item) != null) {
                throw new IllegalArgumentException("catalog item id " + item.id() + " appears twice");
            }
            names.putIfAbsent(key(item.brand()) + "|" + key(item.model()), item);
            models.computeIfAbsent(key(item.model()), k -> new ArrayList<>()).add(item);
        }
        this.byId = Map.copyOf(ids);
        this.byBrandAndModel = Map.copyOf(names);
        this.byModel = Map.copyOf(models);
        EnumMap<Category, Set<String>> keywords = new EnumMap<>(Category.class);
        categoryKeywords.forEach((category, words) -> keywords.put(category, Set.copyOf(words)));
        this.categoryKeywords = keywords;
    }

    /** The catalog shipped in this jar, read once. */
    public static Catalog shipped() {
        return Shipped.CATALOG;
    }

    /** Reads a catalog document (the format of {@value #RESOURCE}). */
    public static Catalog read(InputStream json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            List<CatalogItem> items = new ArrayList<>();
            for (JsonNode node : root.path("items")) {
                items.add(new CatalogItem(node.path("id").asText(null), Category.fromCode(node.path("category").asText()),
                        node.path("subcategory").asText(null), node.path("brand").asText(null),
                        node.path("model").asText(null), strings(node.path("aliases")), strings(node.path("features"))));
            }
            Map<Category, Set<String>> keywords = new EnumMap<>(Category.class);
            root.path("categoryKeywords").fields().forEachRemaining(entry -> keywords.put(
                    Category.fromCode(entry.getKey()), Set.copyOf(strings(entry.getValue()))));
            return new Catalog(items, keywords);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalog", e);
        }
    }

    public List<CatalogItem> items() {
        return items;
    }

    public Optional<CatalogItem> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The item with this brand and model (case, accents and punctuation aside); without a brand, or
     * when brand and model don't meet, the only item with this model.
     */
    public Optional<CatalogItem> find(Optional<String> brand, String model) {
        Objects.requireNonNull(model, "model");
        if (brand.isPresent()) {
            CatalogItem exact = byBrandAndModel.get(key(brand.get()) + "|" + key(model));
            if (exact != null) {
                return Optional.of(exact);
            }
        }
        List<CatalogItem> sameModel = byModel.getOrDefault(key(model), List.of());
        return sameModel.size() == 1 ? Optional.of(sameModel.get(0)) : Optional.empty();
    }

    /** Plain words that point at a category ("phone", "drill"), for descriptions that name no item. */
    public Map<Category, Set<String>> categoryKeywords() {
        return categoryKeywords;
    }

    static String key(String text) {
        return NOT_ALNUM.matcher(Tokens.fold(text)).replaceAll(" ").strip();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static final class Shipped {
        static final Catalog CATALOG = load();

        private static Catalog load() {
            try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the catalog " + RESOURCE + " is missing from the classpath");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
