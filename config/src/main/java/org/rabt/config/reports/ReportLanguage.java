package org.rabt.config.reports;

import java.util.Locale;

/** The languages a printed report is written in, with the direction of their script. */
enum ReportLanguage {
    AR("ar", true),
    FR("fr", false),
    EN("en", false);

    private final String code;
    private final boolean rightToLeft;

    ReportLanguage(String code, boolean rightToLeft) {
        this.code = code;
        this.rightToLeft = rightToLeft;
    }

    String code() {
        return code;
    }

    boolean rightToLeft() {
        return rightToLeft;
    }

    Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The language a {@code lang} parameter names (French when absent), or {@code null} for any other value. */
    static ReportLanguage of(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return FR;
        }
        for (ReportLanguage language : values()) {
            if (language.code.equalsIgnoreCase(parameter.strip())) {
                return language;
            }
        }
        return null;
    }
}
