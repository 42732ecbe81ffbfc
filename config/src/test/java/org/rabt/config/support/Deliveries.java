package org.rabt.config.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a WireMock receiver got: how many times each card (by its {@code Rabt-Card-Id}) was delivered. */
public final class Deliveries {

    private Deliveries() {
    }

    public static Map<String, Long> countsByCardId(WireMockServer receiver) {
        return receiver.getAllServeEvents().stream()
                .map(event -> event.getRequest().getHeader("Rabt-Card-Id"))
                .filter(id -> id != null)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
