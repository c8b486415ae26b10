package com.jakebuysit.adapters.out.local;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one normalisation shared by catalog aliases and sellers' descriptions, so both sides meet:
 * accents and apostrophes dropped ("Pokémon" → pokemon, "Levi's" → levis), hyphens inside a word
 * joined ("WH-1000XM4" → wh1000xm4), a plural s dropped, filler and condition words left out.
 */
final class Tokens {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");
    private static final Pattern INNER_HYPHEN = Pattern.compile("(?<=[a-z0-9])[-‐‑–](?=[a-z0-9])");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern LETTERS_DIGITS = Pattern.compile("(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])");

    /** Words that say nothing about which item it is: grammar, filler and condition words. */
    static final Set<String> IGNORED = Set.of(
            "a", "an", "the", "and", "or", "of", "for", "with", "in", "on", "at", "to", "from", "by", "as", "is",
            "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "my", "our", "your",
            "i", "im", "ive", "me", "we", "has", "have", "had", "some", "very", "just", "only", "also", "but", "so",
            "no", "not", "all", "any", "item", "selling", "sell", "condition", "new", "like", "used", "mint",
            "good", "great", "excellent", "perfect", "works", "working", "comes", "included", "includes");

    private Tokens() {
    }

    /** Lower case, no accents, no apostrophes. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return APOSTROPHES.matcher(plain).replaceAll("");
    }

    /** The tokens of a catalog alias, in order, each once. */
    static List<String> ofAlias(String alias) {
        String joined = INNER_HYPHEN.matcher(fold(alias)).replaceAll("");
        Set<String> tokens = new LinkedHashSet<>();
        for (String raw : NON_ALNUM.split(joined)) {
            add(tokens, raw);
        }
        return new ArrayList<>(tokens);
    }

    /**
     * The words of a description, generously: each word as written, hyphenated words both joined
     * and apart, and letter/digit runs apart ("iphone13" also gives iphone and 13), so that any way
     * of writing a model meets the alias written the usual way.
     */
    static Set<String> ofDescription(String text) {
        String folded = fold(text);
        Set<String> tokens = new LinkedHashSet<>();
        for (String variant : List.of(INNER_HYPHEN.matcher(folded).replaceAll(""), folded)) {
            for (String raw : NON_ALNUM.split(variant)) {
                add(tokens, raw);
                if (raw.length() > 1 && LETTERS_DIGITS.matcher(raw).find()) {
                    for (String part : LETTERS_DIGITS.split(raw)) {
                        add(tokens, part);
                    }
                }
            }
        }
        return tokens;
    }

    /**
     * Words that say what kind of thing, not which one ("console", "headphones", "unlocked"): they
     * weigh half a word, so "Nintendo Switch OLED console" is the OLED model, not a console.
     */
    static final Set<String> GENERIC = Set.of(
            "console", "controller", "headphone", "earbud", "speaker", "tablet", "phone", "smartphone", "laptop",
            "camera", "sneaker", "shoe", "boot", "jean", "jacket", "hoodie", "vinyl", "lp", "record", "album", "book",
            "textbook", "novel", "blender", "mixer", "vacuum", "drill", "saw", "driver", "game", "card", "unlocked",
            "wireless", "bluetooth", "cordless", "kit", "bundle", "tool", "set", "box", "edition", "watch", "bag",
            "tote", "sunglasse", "legging", "pant", "figure", "coin", "machine", "maker", "cooker", "oven", "fryer",
            "processor", "player", "handheld", "drone", "keyboard", "mouse", "model", "version", "gen", "generation");

    /**
     * Model numbers ("s23", "dcd771", part numbers of five digits or more such as 290420) weigh
     * most, then other numbers ("13", "2021"), then words, then generic words.
     */
    static int weight(String token) {
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            digit |= c >= '0' && c <= '9';
            letter |= c >= 'a' && c <= 'z';
        }
        if (digit) {
            return letter || token.length() >= 5 ? 6 : 4;
        }
        return GENERIC.contains(token) ? 1 : 2;
    }

    static boolean hasDigit(String token) {
        return weight(token) >= 4;
    }

    /**
     * A token that can name an item on its own: a word that is not generic, or a model number;
     * a short number ("13", "550") or "drill" cannot.
     */
    static boolean specific(String token) {
        int weight = weight(token);
        return weight == 2 || weight == 6;
    }

    private static void add(Set<String> tokens, String raw) {
        if (raw.isEmpty() || IGNORED.contains(raw)) {
            return;
        }
        tokens.add(stem(raw));
    }

    /** "sneakers" → sneaker, "airpods" → airpod; "glass" and anything with a digit stay. */
    private static String stem(String word) {
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && weight(word) == 1) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
