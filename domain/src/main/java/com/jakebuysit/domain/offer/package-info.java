/**
 * The Offer aggregate and its lifecycle: statuses, the commands that move between them, and the audit transition of each.
 */
package com.jakebuysit.domain.offer;
