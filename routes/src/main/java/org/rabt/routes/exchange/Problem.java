package org.rabt.routes.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document, with the hub's stable {@code code} and, where the problem is
 * in the payload, the {@code field} concerned.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
        String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(String code, String title, int status, String detail, String instance, String field) {
        return new Problem("urn:rabt:problem:" + code.toLowerCase(java.util.Locale.ROOT), title, status, detail,
                instance, code, field);
    }
}
