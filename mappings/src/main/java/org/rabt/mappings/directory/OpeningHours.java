package org.rabt.mappings.directory;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalTime;
import java.util.List;

/**
 * When a service receives the public on some days: either all day ({@code allDay}) or from
 * {@code opens} to {@code closes}, local time of the province.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpeningHours(List<Weekday> days, Boolean allDay,
        @JsonFormat(pattern = "HH:mm") LocalTime opens,
        @JsonFormat(pattern = "HH:mm") LocalTime closes) {

    public OpeningHours {
        days = List.copyOf(days);
    }

    /** Whether the slot covers the whole of its days (not a Java-bean getter: the file member is {@code allDay}). */
    public boolean roundTheClock() {
        return Boolean.TRUE.equals(allDay);
    }
}
