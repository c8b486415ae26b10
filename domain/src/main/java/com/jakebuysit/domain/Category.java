package com.jakebuysit.domain;

/** The resale categories; each has its own payout ratio and ceiling in the pricing rules. */
public enum Category implements Coded {
    CONSUMER_ELECTRONICS("consumer_electronics", "Consumer Electronics"),
    GAMING("gaming", "Gaming"),
    PHONES_TABLETS("phones_tablets", "Phones & Tablets"),
    CLOTHING_FASHION("clothing_fashion", "Clothing & Fashion"),
    COLLECTIBLES_VINTAGE("collectibles_vintage", "Collectibles & Vintage"),
    BOOKS_MEDIA("books_media", "Books & Media"),
    SMALL_APPLIANCES("small_appliances", "Small Appliances"),
    TOOLS_EQUIPMENT("tools_equipment", "Tools & Equipment"),
    UNKNOWN("unknown", "Unknown");

    private final String code;
    private final String displayName;

    Category(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    @Override
    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public static Category fromCode(String code) {
        return Coded.fromCode(Category.class, code);
    }
}
