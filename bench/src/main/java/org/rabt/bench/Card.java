package org.rabt.bench;

/**
 * One prepared card: a distinct health referral and its signature, ready to post. The body is
 * the template with this card's id in place, so a deck of many cards holds little memory.
 */
record Card(String id, byte[] body, String signature) {
}
