package com.jakebuysit.adapters.out.local;

import com.jakebuysit.domain.Category;
import java.util.List;
import java.util.Objects;

/** One product of the shipped catalog: what it is and the ways people write it. */
public record CatalogItem(String id, Category category, String subcategory, String brand, String model,
        List<String> aliases, List<String> features) {

    public CatalogItem {
        id = required(id, "id");
        Objects.requireNonNull(category, "category");
        if (category == Category.UNKNOWN) {
            throw new IllegalArgumentException("catalog item " + id + " cannot be of the unknown category");
        }
        subcategory = required(subcategory, "subcategory");
        brand = required(brand, "brand");
        model = required(model, "model");
        aliases = List.copyOf(aliases);
        features = List.copyOf(features);
        if (aliases.isEmpty()) {
            throw new IllegalArgumentException("catalog item " + id + " has no aliases");
        }
    }

    /** How Jake and the seller call it: "Apple iPhone 13 Pro", "Nintendo 64" (the brand once). */
    public String displayName() {
        return (" " + Catalog.key(model) + " ").contains(" " + Catalog.key(brand) + " ") ? model : brand + " " + model;
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("catalog item " + what + " is required");
        }
        return value.strip();
    }
}
