package org.rabt.config.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The demo's dates, all counted from its first start on this data directory, so that a restart
 * writes every card with the same bytes (same sending time, same due date) and the hub recognises
 * it rather than storing it twice.
 *
 * @param firstStart when the demo first ran on this data directory
 */
record DemoCalendar(Instant firstStart, ZoneId zone) {

    static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

    LocalDate firstDay() {
        return firstStart.atZone(zone).toLocalDate();
    }

    /**
     * Office hours on the day the card was sent, at a time of its own; a card "sent" on the first
     * day at an hour still to come is dated a little before the first start instead.
     */
    Instant sentAt(DemoCard card) {
        int spread = Math.floorMod(card.key().hashCode(), 9 * 60);
        Instant sent = firstDay().minusDays(card.sentDaysAgo()).atTime(LocalTime.of(8, 0).plusMinutes(spread))
                .atZone(zone).toInstant();
        return sent.isAfter(firstStart) ? firstStart.minusSeconds(60L * (1 + spread % 50)) : sent;
    }

    LocalDate dueBy(DemoCard card) {
        return card.dueInDays() == null ? null : firstDay().plusDays(card.dueInDays());
    }

    /** When the receiver reported; never after the first start, so that a restart reports the same. */
    Instant reportedAt(DemoCard card, DemoStatus status) {
        Instant at = sentAt(card).plusSeconds(3600L * status.hoursAfter());
        return at.isAfter(firstStart) ? firstStart : at;
    }
}
