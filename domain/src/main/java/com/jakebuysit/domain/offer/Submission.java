package com.jakebuysit.domain.offer;

import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Text;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the seller sent: a description, the condition they state, an optional category hint and 1–5 photos. */
public record Submission(String description, Condition statedCondition, Optional<Category> categoryHint,
        List<String> photoKeys) {

    public static final int MAX_PHOTOS = 5;

    public Submission {
        description = Text.required(description, "description", 5000);
        Objects.requireNonNull(statedCondition, "statedCondition");
        Objects.requireNonNull(categoryHint, "categoryHint");
        photoKeys = Text.list(photoKeys, "photo key");
        if (photoKeys.isEmpty() || photoKeys.size() > MAX_PHOTOS) {
            throw new IllegalArgumentException("an offer needs 1 to " + MAX_PHOTOS + " photos, got " + photoKeys.size());
        }
    }
}
