package org.rabt.routes.exchange;

/** The answer to an accepted card ({@code 202}). */
public record CardReceipt(String cardId, String status, String statusUrl) {
}
