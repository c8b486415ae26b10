package com.jakebuysit.adapters.out.local;

import com.jakebuysit.domain.Condition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads condition and damage from a seller's words: "mint", "like new", "sealed" say a condition;
 * "cracked screen", "scratches", "broken" are damage, each capping the condition ("cracked" → at
 * best fair). The worst of everything said wins. Negated phrases ("no scratches", "never been
 * dropped or cracked") are ignored within their clause; "minor", "light" soften damage by one step.
 */
final class ConditionReader {

    /** What the words say: the condition they imply, if any, and the damage named. */
    record Reading(Optional<Condition> condition, List<String> damage) {
        Reading {
            damage = List.copyOf(damage);
        }
    }

    private enum Kind { STATED, DAMAGE, IGNORE }

    private record Phrase(Kind kind, Condition condition, String adjective, String noun) {
    }

    private static final Pattern CLAUSES = Pattern.compile("[.,;:!?()\\[\\]\\n\\r]+|\\b(?:but|though|although|except|however)\\b");
    private static final Pattern WORDS = Pattern.compile("[^a-z0-9]+");
    private static final int MAX_PHRASE = 4;
    private static final Map<String, Phrase> PHRASES = new HashMap<>();
    private static final Set<String> NEGATORS = Set.of("no", "not", "without", "never", "zero", "nor", "isnt",
            "wasnt", "doesnt", "dont", "arent", "hasnt", "havent", "free", "none", "nothing");
    private static final Set<String> SOFTENERS = Set.of("minor", "small", "light", "lightly", "tiny", "faint",
            "slight", "slightly", "hairline", "little", "few", "micro", "superficial", "cosmetic", "barely");
    private static final Set<String> OBJECTS = Set.of("screen", "display", "back", "glass", "lens", "camera", "case",
            "casing", "corner", "corners", "edge", "edges", "body", "housing", "frame", "bezel", "sole", "soles",
            "heel", "heels", "toe", "strap", "band", "lid", "bowl", "cord", "cable", "charger", "remote",
            "controller", "box", "handle", "cover", "spine", "page", "pages", "battery", "button", "buttons", "port",
            "key", "keys", "keyboard", "trackpad", "hinge", "blade", "chuck", "motor", "zipper", "collar", "sleeve",
            "lining", "leather", "disc", "disk", "cartridge", "label", "base", "top", "side", "bottom", "joycon",
            "stick", "trigger", "dial", "crystal", "bracelet", "clasp", "crown", "lenses", "arm", "arms", "hood",
            "cuff", "cuffs", "pocket", "seam", "seams", "attachment", "attachments", "hose", "wheel", "wheels");
    private static final Set<String> FILLER = Set.of("on", "the", "a", "an", "to", "in", "at", "of", "along", "across",
            "near", "around", "its", "my", "is", "has", "have", "got", "was", "are", "were", "been", "some", "with",
            "bit", "few");

    static {
        stated(Condition.NEW, "brand new", "new in box", "new in package", "nib", "bnib", "nwt", "new with tags",
                "sealed", "factory sealed", "unopened", "never opened", "never used", "never worn", "unused",
                "new old stock", "still in shrink", "still in shrinkwrap");
        stated(Condition.LIKE_NEW, "like new", "likenew", "mint", "near mint", "mint condition", "pristine",
                "excellent", "excellent condition", "barely used", "hardly used", "lightly used", "rarely used",
                "open box", "worn once", "used once", "only used once", "worn twice", "flawless",
                "perfect condition", "immaculate", "as new");
        stated(Condition.GOOD, "good condition", "gently used", "pre owned", "preowned", "very good", "works great",
                "works perfectly", "works fine", "normal wear", "light wear", "broken in", "used condition");
        stated(Condition.FAIR, "fair", "fair condition", "acceptable", "rough", "rough shape", "heavily used",
                "well used");
        stated(Condition.POOR, "poor", "poor condition", "beat up", "beaten up", "trashed", "junk", "salvage");
        ignore("mint green", "mint color", "mint colour", "us mint", "united states mint", "dead sea",
                "red dead", "grateful dead", "chip", "tears of the kingdom");

        damage(Condition.FAIR, "cracked", "cracks", "cracked", "crack", "cracks", "cracking");
        damage(Condition.POOR, "shattered", "shattered", "shattered");
        damage(Condition.POOR, "broken", "broken", "broken", "busted");
        damage(Condition.POOR, "for parts", "for parts", "for parts", "parts only", "for parts only");
        damage(Condition.POOR, "not working", "not working", "not working", "doesnt work", "does not work",
                "wont turn on", "not turning on", "does not turn on", "doesnt turn on", "no power", "dead on arrival",
                "wont power on", "wont charge", "doesnt charge");
        damage(Condition.POOR, "water-damaged", "water damage", "water damage", "water damaged", "liquid damage",
                "water damages");
        damage(Condition.POOR, "swollen", "swollen battery", "swollen battery", "battery swollen");
        damage(Condition.GOOD, "scratched", "scratches", "scratch", "scratches", "scratched", "scratching",
                "scratchy");
        damage(Condition.GOOD, "scuffed", "scuffs", "scuff", "scuffs", "scuffed", "scuffing", "scuff marks");
        damage(Condition.FAIR, "dented", "dents", "dent", "dents", "dented", "ding", "dings", "dinged");
        damage(Condition.FAIR, "chipped", "chips", "chipped", "chipping");
        damage(Condition.FAIR, "stained", "stains", "stain", "stains", "stained", "staining");
        damage(Condition.FAIR, "torn", "tears", "torn", "ripped", "rips", "hole", "holes");
        damage(Condition.FAIR, "missing", "missing parts", "missing", "missing pieces", "incomplete");
        damage(Condition.GOOD, "faded", "fading", "faded", "fading", "discolored", "discoloured");
        damage(Condition.FAIR, "rusty", "rust", "rust", "rusty", "rusted", "corroded", "corrosion");
        damage(Condition.GOOD, "yellowed", "yellowing", "yellowed", "yellowing");
        damage(Condition.GOOD, "highlighted", "highlighting", "highlighting", "highlighted", "writing in it",
                "notes in margins");
        damage(Condition.GOOD, "pilled", "pilling", "pilling", "pilled");
        damage(Condition.FAIR, "burnt-in", "screen burn-in", "burn in", "burnin", "screen burn");
        damage(Condition.FAIR, "drifting", "stick drift", "stick drift", "drift", "drifting", "joycon drift");
        damage(Condition.FAIR, "weak", "weak battery", "bad battery", "battery drains", "poor battery",
                "weak battery", "battery issues", "battery issue", "dead battery");
        damage(Condition.FAIR, "dead pixels", "dead pixels", "dead pixels", "dead pixel");
        damage(Condition.FAIR, "worn", "heavy wear", "heavy wear", "heavily worn", "well worn");
        damage(Condition.FAIR, "bent", "bent", "bent");
        damage(Condition.FAIR, "peeling", "peeling", "peeling", "flaking");
        damage(Condition.FAIR, "warped", "warping", "warped", "warping");
    }

    private ConditionReader() {
    }

    static Reading read(String description) {
        List<Condition> conditions = new ArrayList<>();
        Set<String> damage = new LinkedHashSet<>();
        for (String clause : CLAUSES.split(Tokens.fold(description))) {
            List<String> words = words(clause);
            int i = 0;
            while (i < words.size()) {
                int length = Math.min(MAX_PHRASE, words.size() - i);
                Phrase phrase = null;
                for (; length > 0; length--) {
                    phrase = PHRASES.get(String.join(" ", words.subList(i, i + length)));
                    if (phrase != null) {
                        break;
                    }
                }
                if (phrase == null) {
                    i++;
                    continue;
                }
                if (phrase.kind != Kind.IGNORE && !negated(words, i, length)) {
                    if (phrase.kind == Kind.STATED) {
                        conditions.add(phrase.condition);
                    } else {
                        boolean soft = softened(words, i);
                        conditions.add(soft ? soften(phrase.condition) : phrase.condition);
                        damage.add(label(phrase, soft, objectNear(words, i, length)));
                    }
                }
                i += length;
            }
        }
        Optional<Condition> worst = conditions.stream().reduce((a, b) -> a.isBetterThan(b) ? b : a);
        return new Reading(worst, new ArrayList<>(damage));
    }

    private static List<String> words(String clause) {
        List<String> words = new ArrayList<>();
        for (String word : WORDS.split(clause)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** "no scratches", "never cracked", "isn't broken", and "scratch free". */
    private static boolean negated(List<String> words, int at, int length) {
        if (at + length < words.size() && words.get(at + length).equals("free")) {
            return true;
        }
        for (int j = Math.max(0, at - 3); j < at; j++) {
            if (NEGATORS.contains(words.get(j))) {
                return true;
            }
        }
        return false;
    }

    private static boolean softened(List<String> words, int at) {
        for (int j = Math.max(0, at - 2); j < at; j++) {
            if (SOFTENERS.contains(words.get(j))) {
                return true;
            }
        }
        return false;
    }

    /** One step better, but a damaged item is never "new". */
    private static Condition soften(Condition cap) {
        return cap.ordinal() <= Condition.LIKE_NEW.ordinal() + 1 ? Condition.LIKE_NEW : Condition.values()[cap.ordinal() - 1];
    }

    /** "cracked screen" for "cracked screen", "screen is cracked" and "cracks on the screen". */
    private static Optional<String> objectNear(List<String> words, int at, int length) {
        for (int j = at + length, seen = 0; j < words.size() && seen < 3; j++, seen++) {
            if (OBJECTS.contains(words.get(j))) {
                return Optional.of(words.get(j));
            }
            if (!FILLER.contains(words.get(j))) {
                break;
            }
        }
        for (int j = at - 1, seen = 0; j >= 0 && seen < 3; j--, seen++) {
            if (OBJECTS.contains(words.get(j))) {
                return Optional.of(words.get(j));
            }
            if (!FILLER.contains(words.get(j)) && !SOFTENERS.contains(words.get(j))) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String label(Phrase phrase, boolean soft, Optional<String> object) {
        if (phrase.adjective.equals(phrase.noun) && phrase.noun.contains(" ")) {
            return (soft ? "minor " : "") + phrase.noun;
        }
        if (soft) {
            return "minor " + phrase.noun + object.map(o -> " on " + o).orElse("");
        }
        return object.map(o -> phrase.adjective + " " + o).orElse(phrase.noun);
    }

    private static void stated(Condition condition, String... phrases) {
        for (String phrase : phrases) {
            PHRASES.put(phrase, new Phrase(Kind.STATED, condition, null, null));
        }
    }

    private static void ignore(String... phrases) {
        for (String phrase : phrases) {
            PHRASES.put(phrase, new Phrase(Kind.IGNORE, null, null, null));
        }
    }

    private static void damage(Condition cap, String adjective, String noun, String... phrases) {
        for (String phrase : phrases) {
            PHRASES.put(phrase, new Phrase(Kind.DAMAGE, cap, adjective, noun));
        }
    }
}
