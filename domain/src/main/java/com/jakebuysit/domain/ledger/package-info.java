/**
 * Jake Bucks: the account (balance and debt) and the append-only entries each operation posts.
 */
package com.jakebuysit.domain.ledger;
