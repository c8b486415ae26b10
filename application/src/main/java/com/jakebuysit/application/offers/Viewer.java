package com.jakebuysit.application.offers;

import com.jakebuysit.application.account.SecretTokens;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.offer.Offer;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Who is asking to see an offer: a signed-in account (maybe staff), or whoever holds the offer's
 * stream token (how anonymous sellers and browsers follow their own offer).
 */
public record Viewer(Optional<UserId> user, boolean staff, Optional<String> streamToken) {

    public static Viewer account(UserId user, boolean staff) {
        return new Viewer(Optional.of(user), staff, Optional.empty());
    }

    public static Viewer withStreamToken(String token) {
        return new Viewer(Optional.empty(), false, Optional.of(token));
    }

    /** Staff see every offer; a seller their own; a stream-token holder the offer the token is for. */
    public boolean maySee(Offer offer, Optional<String> storedTokenHash) {
        if (staff) {
            return true;
        }
        if (user.isPresent() && offer.sellerId().equals(user)) {
            return true;
        }
        return streamToken.isPresent() && storedTokenHash.isPresent()
                && MessageDigest.isEqual(SecretTokens.hash(streamToken.get()).getBytes(StandardCharsets.UTF_8),
                        storedTokenHash.get().getBytes(StandardCharsets.UTF_8));
    }
}
