package com.jakebuysit.adapters.out.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.domain.jake.ScriptPlan;
import com.jakebuysit.domain.jake.Tone;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Jake's tiered script templates ({@code jake/script-templates.json}): per tier and tone, a list of
 * parts, each a list of variants. A script takes one variant of each part, chosen from the offer id
 * (the same offer always gets the same words; different offers rarely do) and fills in
 * {@code {item}}, {@code {amount}} and, when known, {@code {fmv}}.
 */
public final class ScriptTemplates {

    public static final String RESOURCE = "/jake/script-templates.json";
    /** Each part offers at least this many variants that need no market value. */
    public static final int MIN_VARIANTS = 6;
    static final String ITEM = "{item}";
    static final String AMOUNT = "{amount}";
    static final String FMV = "{fmv}";

    private final Map<Integer, Map<Tone, List<List<String>>>> parts;

    ScriptTemplates(Map<Integer, Map<Tone, List<List<String>>>> parts) {
        for (int tier = ScriptPlan.TEXT_ONLY; tier <= ScriptPlan.FULL_VOICED; tier++) {
            for (Tone tone : Tone.values()) {
                List<List<String>> toneParts = parts.getOrDefault(tier, Map.of()).get(tone);
                if (toneParts == null || toneParts.size() != tier) {
                    throw new IllegalArgumentException("tier " + tier + " " + tone.code() + " needs " + tier + " parts");
                }
                for (List<String> variants : toneParts) {
                    long plain = variants.stream().filter(v -> !v.contains(FMV)).count();
                    if (plain < MIN_VARIANTS) {
                        throw new IllegalArgumentException("tier " + tier + " " + tone.code() + " has a part with only "
                                + plain + " variants without " + FMV);
                    }
                }
                boolean namesBoth = toneParts.stream().anyMatch(variants -> variants.stream()
                        .allMatch(v -> v.contains(ITEM) && v.contains(AMOUNT)));
                if (!namesBoth) {
                    throw new IllegalArgumentException("tier " + tier + " " + tone.code()
                            + " has no part whose every variant names the item and the amount");
                }
            }
        }
        Map<Integer, Map<Tone, List<List<String>>>> copy = new HashMap<>();
        parts.forEach((tier, byTone) -> {
            Map<Tone, List<List<String>>> tones = new EnumMap<>(Tone.class);
            byTone.forEach((tone, lists) -> tones.put(tone, lists.stream().map(List::copyOf).toList()));
            copy.put(tier, tones);
        });
        this.parts = Map.copyOf(copy);
    }

    /** The templates shipped in this jar, read once. */
    public static ScriptTemplates shipped() {
        return Shipped.TEMPLATES;
    }

    /** Reads templates in the format of {@value #RESOURCE}; refuses a set with too few variants. */
    public static ScriptTemplates read(InputStream json) {
        try {
            JsonNode tiers = new ObjectMapper().readTree(json).path("tiers");
            Map<Integer, Map<Tone, List<List<String>>>> parts = new HashMap<>();
            tiers.fields().forEachRemaining(tier -> {
                Map<Tone, List<List<String>>> byTone = new EnumMap<>(Tone.class);
                tier.getValue().fields().forEachRemaining(tone -> {
                    List<List<String>> lists = new ArrayList<>();
                    for (JsonNode part : tone.getValue()) {
                        List<String> variants = new ArrayList<>();
                        part.forEach(v -> variants.add(v.asText()));
                        lists.add(variants);
                    }
                    byTone.put(Tone.fromCode(tone.getKey()), lists);
                });
                parts.put(Integer.parseInt(tier.getKey()), byTone);
            });
            return new ScriptTemplates(parts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Jake's script templates", e);
        }
    }

    /** The script for one offer: the same offer id and plan always give the same words. */
    public String compose(UUID offerId, ScriptPlan plan, String item, String amount, Optional<String> fmv) {
        Objects.requireNonNull(offerId, "offerId");
        List<List<String>> toneParts = parts.get(plan.tier()).get(plan.tone());
        long seed = offerId.getMostSignificantBits() * 31 + offerId.getLeastSignificantBits();
        StringBuilder script = new StringBuilder();
        for (int k = 0; k < toneParts.size(); k++) {
            List<String> variants = fmv.isPresent() ? toneParts.get(k)
                    : toneParts.get(k).stream().filter(v -> !v.contains(FMV)).toList();
            long mixed = mix(seed + (k + 1) * 0x9E3779B97F4A7C15L);
            String variant = variants.get((int) Math.floorMod(mixed, (long) variants.size()));
            if (script.length() > 0) {
                script.append(' ');
            }
            script.append(variant);
        }
        return script.toString()
                .replace(ITEM, item)
                .replace(AMOUNT, amount)
                .replace(FMV, fmv.orElse(""));
    }

    /** How many distinct scripts a tier and tone can produce (without a market value). */
    public long combinations(ScriptPlan plan) {
        long count = 1;
        for (List<String> variants : parts.get(plan.tier()).get(plan.tone())) {
            count *= variants.stream().filter(v -> !v.contains(FMV)).count();
        }
        return count;
    }

    /** SplitMix64's finaliser: neighbouring ids land far apart. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static final class Shipped {
        static final ScriptTemplates TEMPLATES = load();

        private static ScriptTemplates load() {
            try (InputStream in = ScriptTemplates.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Jake's script templates " + RESOURCE + " are missing from the classpath");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
