package com.jakebuysit.adapters.out.local;

import com.jakebuysit.application.port.ItemIdentifier;
import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.offer.Identification;
import com.jakebuysit.domain.offer.Item;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifies an item from the seller's description alone by matching it against the shipped
 * {@link Catalog} (the photos are not looked at: that is the AI service's job). Confidence says how
 * well the words pin the item down:
 *
 * <pre>
 *   0.20 + 0.50 × coverage          share of the best alias found in the description (≥ 0.5 to match)
 *        + 0.12 if the brand is named
 *        + 0.15 if a model number matched within most of its alias, or a whole alias of 3+ words
 *        − 0.15 if the seller names another model number than the alias's ("iPhone 16 Pro")
 *        − 0.10 if the item is not in the seller's chosen category
 *   ambiguous (another item fits the same words, see {@link ItemMatcher}): no model-number bonus,
 *        − 0.10, and at most 0.75, so a guess is never priced without a flag
 *   clamped to 0.05..0.97, two decimals
 * </pre>
 * So "Apple iPhone 13 Pro 256GB, like new" scores 0.97, "Galaxy S23" 0.85, "Nintendo Switch" 0.82,
 * "Apple MacBook Air" (M1 or M2?) 0.72, "Apple Watch" (which one?) 0.52, and "old phone" matches
 * no item. With no match the category is the seller's hint, else one that plain words point at
 * ("phone"), else unknown, at 0.35 or less. Matching takes well under a millisecond.
 *
 * <p>Condition is the seller's stated one when given, else what the words say ("mint", "cracked"),
 * else good; damage words always go into {@code damage}.
 */
public final class LocalItemIdentifier implements ItemIdentifier {

    private static final Pattern STORAGE = Pattern.compile("\\b(\\d{2,4})\\s?(gb|tb)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISBN = Pattern.compile("(?<![\\d-])(?:97[89][- ]?)?(?:\\d[- ]?){9}[\\dXx](?![\\d-])");
    private static final Pattern IMEI = Pattern.compile("(?<!\\d)\\d{15}(?!\\d)");
    private static final int MAX_DESCRIPTION = 5_000;
    private static final double MAX_AMBIGUOUS = 0.75;

    private final ItemMatcher matcher;
    private final Map<Category, List<List<String>>> keywords = new java.util.EnumMap<>(Category.class);

    public LocalItemIdentifier() {
        this(Catalog.shipped());
    }

    public LocalItemIdentifier(Catalog catalog) {
        Objects.requireNonNull(catalog, "catalog");
        this.matcher = new ItemMatcher(catalog);
        catalog.categoryKeywords().forEach((category, words) -> keywords.put(category,
                words.stream().map(Tokens::ofAlias).filter(tokens -> !tokens.isEmpty()).toList()));
    }

    @Override
    public Identified identify(Request request) {
        String description = request.description() == null ? "" : request.description();
        if (description.length() > MAX_DESCRIPTION) {
            description = description.substring(0, MAX_DESCRIPTION);
        }
        Optional<Category> hint = request.categoryHint().filter(category -> category != Category.UNKNOWN);
        Set<String> words = Tokens.ofDescription(description);
        ConditionReader.Reading reading = ConditionReader.read(description);
        Condition condition = request.conditionHint().or(reading::condition).orElse(Condition.GOOD);
        Map<String, String> identifiers = identifiers(description);

        Optional<ItemMatcher.Match> found = matcher.match(words, ItemMatcher.modelNumbers(description), hint);
        if (found.isPresent()) {
            ItemMatcher.Match match = found.get();
            CatalogItem item = match.item();
            identifiers.put("catalog_id", item.id());
            Item identified = new Item(item.category(), Optional.of(item.subcategory()), Optional.of(item.brand()),
                    Optional.of(item.model()), condition, features(item.features(), description), reading.damage());
            boolean offHint = hint.isPresent() && hint.get() != item.category();
            double confidence = 0.20 + 0.50 * match.coverage()
                    + (match.brandNamed() ? 0.12 : 0)
                    + (match.distinctive() && !match.ambiguous() ? 0.15 : 0)
                    - (match.ambiguous() ? 0.10 : 0)
                    - (match.conflicting() ? 0.15 : 0)
                    - (offHint ? 0.10 : 0);
            if (match.ambiguous()) {
                // a guess between items is never sure enough to price without a flag
                confidence = Math.min(confidence, MAX_AMBIGUOUS);
            }
            return new Identified(new Identification(identified, rounded(confidence)), identifiers);
        }

        Optional<String> brand = matcher.brandNamed(words);
        Optional<Category> category = hint.or(() -> categoryFromWords(words));
        double confidence = 0.10 + (category.isPresent() ? 0.15 : 0) + (brand.isPresent() ? 0.10 : 0);
        Item unidentified = new Item(category.orElse(Category.UNKNOWN), Optional.empty(), brand, Optional.empty(),
                condition, features(List.of(), description), reading.damage());
        return new Identified(new Identification(unidentified, rounded(confidence)), identifiers);
    }

    /** The category whose plain words the description uses most (first in enum order on a tie). */
    private Optional<Category> categoryFromWords(Set<String> words) {
        Category best = null;
        int bestHits = 0;
        for (Category category : Category.values()) {
            int hits = 0;
            for (List<String> keyword : keywords.getOrDefault(category, List.of())) {
                hits += words.containsAll(keyword) ? 1 : 0;
            }
            if (hits > bestHits) {
                best = category;
                bestHits = hits;
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<String> features(List<String> typical, String description) {
        Set<String> features = new LinkedHashSet<>();
        Matcher storage = STORAGE.matcher(description);
        while (storage.find()) {
            features.add(storage.group(1) + storage.group(2).toUpperCase(Locale.ROOT) + " storage");
        }
        features.addAll(typical);
        return new ArrayList<>(features);
    }

    /** ISBNs and IMEIs written in the description, when their check digits agree. */
    private static Map<String, String> identifiers(String description) {
        Map<String, String> identifiers = new LinkedHashMap<>();
        boolean saysIsbn = description.toLowerCase(Locale.ROOT).contains("isbn");
        Matcher isbn = ISBN.matcher(description);
        while (isbn.find() && !identifiers.containsKey("isbn")) {
            String digits = isbn.group().replaceAll("[- ]", "").toUpperCase(Locale.ROOT);
            // a bare 10-digit number is as likely a phone number: only with the word ISBN nearby
            if (validIsbn(digits) && (digits.length() == 13 || saysIsbn)) {
                identifiers.put("isbn", digits);
            }
        }
        Matcher imei = IMEI.matcher(description);
        while (imei.find() && !identifiers.containsKey("imei")) {
            if (luhn(imei.group())) {
                identifiers.put("imei", imei.group());
            }
        }
        return identifiers;
    }

    static boolean validIsbn(String digits) {
        if (digits.length() == 13 && digits.chars().allMatch(Character::isDigit)) {
            int sum = 0;
            for (int i = 0; i < 13; i++) {
                sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
            }
            return sum % 10 == 0;
        }
        if (digits.length() == 10 && digits.substring(0, 9).chars().allMatch(Character::isDigit)) {
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                char c = digits.charAt(i);
                int value = c == 'X' ? 10 : c - '0';
                if (c == 'X' && i != 9) {
                    return false;
                }
                sum += value * (10 - i);
            }
            return sum % 11 == 0;
        }
        return false;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static BigDecimal rounded(double confidence) {
        double clamped = Math.max(0.05, Math.min(0.97, confidence));
        return BigDecimal.valueOf(clamped).setScale(2, RoundingMode.HALF_UP);
    }
}
