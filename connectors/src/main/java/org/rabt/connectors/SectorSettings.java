package org.rabt.connectors;

import java.net.URI;

/**
 * How the hub reaches one sector system ({@code rabt.sectors.<sector>.*}).
 *
 * @param deliveryUrl where the hub POSTs the cards addressed to the sector; {@code null} while the
 *                    sector has no delivery endpoint (its cards wait in its queue)
 * @param consumers   how many cards are delivered to the sector at once
 */
public record SectorSettings(URI deliveryUrl, Integer consumers) {

    public int consumersOrDefault() {
        return consumers == null || consumers < 1 ? 4 : consumers;
    }
}
