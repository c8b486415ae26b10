/**
 * The seller trust score as a pure function of events.
 */
package com.jakebuysit.domain.trust;
