/**
 * Pricing: fair market value from comparable sales, the offer formula with its named adjustments, the decision path and the seller-readable breakdown.
 */
package com.jakebuysit.domain.pricing;
