package com.jakebuysit.adapters.out.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Money;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WireValuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "phones_tablets|PHONES_TABLETS", "Phones & Tablets|PHONES_TABLETS", "phones|PHONES_TABLETS",
        "consumer_electronics|CONSUMER_ELECTRONICS", "Electronics|CONSUMER_ELECTRONICS", "Video Games|GAMING",
        "clothing & fashion|CLOTHING_FASHION", "Collectibles|COLLECTIBLES_VINTAGE", "books-media|BOOKS_MEDIA",
        "Small Appliances|SMALL_APPLIANCES", "TOOLS|TOOLS_EQUIPMENT", "furniture|UNKNOWN", "''|UNKNOWN"})
    void maps_category_words(String wire, Category expected) {
        assertThat(WireValues.category(wire)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "new|NEW", "Brand New|NEW", "sealed|NEW", "like_new|LIKE_NEW", "like new|LIKE_NEW", "Like-New|LIKE_NEW",
        "mint|LIKE_NEW", "Open Box|LIKE_NEW", "good|GOOD", "Used|GOOD", "Very Good|GOOD", "pre-owned|GOOD",
        "fair|FAIR", "acceptable|FAIR", "poor|POOR", "For parts or not working|POOR", "damaged|POOR"})
    void maps_condition_words(String wire, Condition expected) {
        assertThat(WireValues.condition(wire)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sparkly", "", "10/10"})
    void an_unknown_condition_is_none(String wire) {
        assertThat(WireValues.condition(wire)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12|12.00", "12.5|12.50", "\"$1,234.56\"|1234.56", "\"USD 99\"|99.00", "\" 7.25 \"|7.25", "2.675|2.68",
        "\"2.675\"|2.68", "1234567.89|1234567.89"})
    void reads_money_exactly(String wire, String expected) {
        com.fasterxml.jackson.databind.JsonNode node = wire.startsWith("\"")
                ? JsonNodeFactory.instance.textNode(wire.substring(1, wire.length() - 1))
                : JsonNodeFactory.instance.numberNode(new BigDecimal(wire));
        assertThat(WireValues.money(node)).isEqualTo(Money.usd(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "1,23", "", "1.2.3", "$", "-5 dollars"})
    void refuses_what_is_not_an_amount(String wire) {
        assertThatThrownBy(() -> WireValues.money(JsonNodeFactory.instance.textNode(wire)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void refuses_a_boolean_or_missing_amount() {
        assertThatThrownBy(() -> WireValues.money(JsonNodeFactory.instance.booleanNode(true)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WireValues.money(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
