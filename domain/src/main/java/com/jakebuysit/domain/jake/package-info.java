/**
 * Which script tier and tone Jake speaks in, from the offer-to-market ratio and the seller's familiarity.
 */
package com.jakebuysit.domain.jake;
