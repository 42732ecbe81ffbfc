package org.rabt.mappings.cpm;

import org.rabt.mappings.MappingException;

/** A value with a stable wire code (the code is what JSON, XML and FHIR carry). */
public interface Coded {

    String code();

    /** Finds the constant whose code is {@code code}, or fails naming the field and the allowed codes. */
    static <E extends Enum<E> & Coded> E parse(Class<E> type, String code, String field) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equals(code)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.code());
        }
        throw MappingException.invalid(field, "'" + code + "' is not one of " + allowed);
    }
}
