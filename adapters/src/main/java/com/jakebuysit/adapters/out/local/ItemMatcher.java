package com.jakebuysit.adapters.out.local;

import com.jakebuysit.domain.Category;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the catalog item a description names, by how much of an alias the description covers.
 *
 * <p>Each alias is a set of tokens weighed by {@link Tokens#weight} (model numbers most, generic
 * words least). An item's coverage is the best share of an alias's weight found in the
 * description. An alias counts when at least half of it matched, including a {@linkplain
 * Tokens#specific specific} token, and either all of it or a weight of at least a word and a
 * half matched: "snes" or "dualsense controller" name an item, "drill", "13" or "old" do not.
 * Items rank by coverage, then matched weight (so "iPhone 13 Pro Max" beats "iPhone 13 Pro" when
 * the seller says "max"), then the brand named, then the seller's category.
 *
 * <p>The match is ambiguous when another item ranks the same, or, for a partial match, when another
 * item's alias holds every word that matched ("Apple Watch": Series 7, 8, SE or Ultra?). An
 * ambiguous match goes to the first of those items in catalog order, where older (cheaper)
 * generations come first, so a guess never prices high.
 */
final class ItemMatcher {

    static final double MIN_COVERAGE = 0.5;
    /** A word and a generic word ("nuptse jacket"), a word and a number; a whole alias may be less. */
    static final int MIN_MATCHED_WEIGHT = 3;
    /** A matched model number counts only with most of its alias around it. */
    static final double DISTINCTIVE_COVERAGE = 0.75;
    private static final double HINT_BOOST = 0.30;
    private static final double EPSILON = 1e-9;
    /** Sizes, capacities and quantities: digits that say nothing about which model. */
    private static final Pattern MEASURE = Pattern.compile(
            "\\d+(gb|tb|mb|mm|cm|in|inch|oz|qt|quart|w|v|mah|ft|ml|l|lb|lbs|hz|pc|pcs|piece|x\\d+)");

    /** The item a description names and how surely. */
    record Match(CatalogItem item, double coverage, int matchedWeight, boolean brandNamed, boolean distinctive,
            boolean ambiguous, boolean conflicting) {
    }

    private record Alias(List<String> tokens, int weight) {
    }

    private record Entry(int order, CatalogItem item, List<Alias> aliases, List<String> brandTokens) {
    }

    private record Scored(Entry entry, double coverage, int matchedWeight, Set<String> matched, boolean brandNamed,
            boolean distinctive, boolean conflicting, boolean hinted, double rank) {
    }

    private final List<Entry> entries;
    /** Which entries have an alias with this token: only those are scored for a description. */
    private final Map<String, BitSet> entriesByToken = new HashMap<>();

    ItemMatcher(Catalog catalog) {
        List<Entry> built = new ArrayList<>();
        for (CatalogItem item : catalog.items()) {
            List<Alias> aliases = new ArrayList<>();
            for (String alias : item.aliases()) {
                List<String> tokens = Tokens.ofAlias(alias);
                if (!tokens.isEmpty()) {
                    aliases.add(new Alias(List.copyOf(tokens), tokens.stream().mapToInt(Tokens::weight).sum()));
                    for (String token : tokens) {
                        entriesByToken.computeIfAbsent(token, t -> new BitSet()).set(built.size());
                    }
                }
            }
            built.add(new Entry(built.size(), item, List.copyOf(aliases), Tokens.ofAlias(item.brand())));
        }
        this.entries = List.copyOf(built);
    }

    /**
     * @param words the description's tokens ({@link Tokens#ofDescription})
     * @param modelNumbers the description's own digit-bearing words, sizes and capacities left out
     */
    Optional<Match> match(Set<String> words, Set<String> modelNumbers, Optional<Category> hint) {
        BitSet candidates = new BitSet();
        for (String word : words) {
            BitSet having = entriesByToken.get(word);
            if (having != null) {
                candidates.or(having);
            }
        }
        Scored best = null;
        List<Scored> all = new ArrayList<>();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Scored scored = score(entries.get(i), words, modelNumbers, hint);
            if (scored == null) {
                continue;
            }
            all.add(scored);
            if (best == null || scored.rank > best.rank + EPSILON) {
                best = scored;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Scored winner = best;
        Entry chosen = winner.entry;
        boolean ambiguous = false;
        for (Scored other : all) {
            if (other != winner && Math.abs(other.rank - winner.rank) < EPSILON) {
                ambiguous = true;
                chosen = other.entry.order < chosen.order ? other.entry : chosen;
            }
        }
        if (winner.coverage < 1 - EPSILON) {
            // a partial match: any other item with an alias holding every matched word fits as well
            for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
                Entry other = entries.get(i);
                boolean sameSide = hint.isEmpty() || (hint.get() == other.item().category()) == winner.hinted;
                if (other != winner.entry && sameSide && other.aliases.stream()
                        .anyMatch(alias -> alias.tokens.containsAll(winner.matched))) {
                    ambiguous = true;
                    chosen = other.order < chosen.order ? other : chosen;
                }
            }
        }
        return Optional.of(new Match(chosen.item(), winner.coverage, winner.matchedWeight, winner.brandNamed,
                winner.distinctive, ambiguous, winner.conflicting));
    }

    /** The digit-bearing words of a description that could be model numbers ("s23", "16"), not sizes ("256gb"). */
    static Set<String> modelNumbers(String description) {
        Set<String> numbers = new HashSet<>();
        for (String token : Tokens.ofAlias(description)) {
            if (Tokens.hasDigit(token) && !MEASURE.matcher(token).matches()) {
                numbers.add(token);
            }
        }
        return numbers;
    }

    /** The brand of the catalog whose name the description contains, when exactly one does. */
    Optional<String> brandNamed(Set<String> words) {
        String found = null;
        for (Entry entry : entries) {
            if (!entry.brandTokens.isEmpty() && words.containsAll(entry.brandTokens)) {
                if (found != null && !found.equals(entry.item().brand())) {
                    return Optional.empty();
                }
                found = entry.item().brand();
            }
        }
        return Optional.ofNullable(found);
    }

    private static Scored score(Entry entry, Set<String> words, Set<String> modelNumbers, Optional<Category> hint) {
        double bestCoverage = 0;
        int bestWeight = 0;
        Alias bestAlias = null;
        for (Alias alias : entry.aliases) {
            int matched = 0;
            boolean specific = false;
            for (String token : alias.tokens) {
                if (words.contains(token)) {
                    matched += Tokens.weight(token);
                    specific |= Tokens.specific(token);
                }
            }
            boolean whole = matched == alias.weight;
            if (!specific || (matched < MIN_MATCHED_WEIGHT && !whole)) {
                continue;
            }
            double coverage = (double) matched / alias.weight;
            if (coverage > bestCoverage + EPSILON || (Math.abs(coverage - bestCoverage) < EPSILON && matched > bestWeight)) {
                bestCoverage = coverage;
                bestWeight = matched;
                bestAlias = alias;
            }
        }
        if (bestAlias == null || bestCoverage < MIN_COVERAGE - EPSILON) {
            return null;
        }
        Set<String> matched = new HashSet<>();
        boolean digits = false;
        boolean aliasNumberMissing = false;
        for (String token : bestAlias.tokens) {
            if (words.contains(token)) {
                matched.add(token);
                digits |= Tokens.hasDigit(token);
            } else {
                aliasNumberMissing |= Tokens.hasDigit(token);
            }
        }
        boolean brandNamed = !entry.brandTokens.isEmpty() && words.containsAll(entry.brandTokens);
        boolean complete = bestCoverage > 1 - EPSILON;
        boolean distinctive = (digits && bestCoverage >= DISTINCTIVE_COVERAGE - EPSILON)
                || (complete && bestAlias.tokens.size() >= 3);
        // "iPhone 16 Pro" against "iphone 15 pro": the seller names a model number the alias has another of.
        List<String> aliasTokens = bestAlias.tokens;
        boolean conflicting = aliasNumberMissing && modelNumbers.stream().anyMatch(n -> !aliasTokens.contains(n));
        boolean hinted = hint.isPresent() && hint.get() == entry.item().category();
        double rank = bestCoverage + 0.005 * bestWeight + (brandNamed ? 0.05 : 0) + (hinted ? HINT_BOOST : 0)
                - (conflicting ? 0.2 : 0);
        return new Scored(entry, bestCoverage, bestWeight, matched, brandNamed, distinctive && !conflicting,
                conflicting, hinted, rank);
    }
}
