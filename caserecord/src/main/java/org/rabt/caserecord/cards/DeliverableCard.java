package org.rabt.caserecord.cards;

/** What the dispatcher needs to deliver a card: its state and the shared message. */
public record DeliverableCard(CardRecord card, String cpmJson) {
}
