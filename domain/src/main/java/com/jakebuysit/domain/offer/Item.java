package com.jakebuysit.domain.offer;

import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Text;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the item is, as identified from the photos ({@code item} on the wire). */
public record Item(Category category, Optional<String> subcategory, Optional<String> brand, Optional<String> model,
        Condition condition, List<String> features, List<String> damage) {

    public Item {
        Objects.requireNonNull(category, "category");
        subcategory = Text.optional(subcategory, "subcategory");
        brand = Text.optional(brand, "brand");
        model = Text.optional(model, "model");
        Objects.requireNonNull(condition, "condition");
        features = Text.list(features, "feature");
        damage = Text.list(damage, "damage");
    }
}
