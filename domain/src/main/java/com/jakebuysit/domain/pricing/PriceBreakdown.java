package com.jakebuysit.domain.pricing;

import java.util.List;
import java.util.Optional;

/** Every step from comparables to the final amount, in order, for the seller and the reviewer. */
public record PriceBreakdown(List<BreakdownLine> lines) {

    public PriceBreakdown {
        lines = List.copyOf(lines);
    }

    public Optional<BreakdownLine> line(String label) {
        return lines.stream().filter(line -> line.label().equals(label)).findFirst();
    }

    /** One line per step, "label: value (note)". */
    public String render() {
        StringBuilder text = new StringBuilder();
        for (BreakdownLine line : lines) {
            text.append(line.label()).append(": ").append(line.value());
            line.note().ifPresent(note -> text.append(" (").append(note).append(')'));
            text.append('\n');
        }
        return text.toString();
    }
}
