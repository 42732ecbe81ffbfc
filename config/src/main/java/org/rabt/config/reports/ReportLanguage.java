package org.rabt.config.reports;

import java.util.Locale;

/** The languages a printed report is written in, with the direction of their script. */
public enum ReportLanguage {
    AR("ar", true),
    FR("fr", false),
    EN("en", false);

    private final String code;
    private final boolean rightToLeft;

    ReportLanguage(String code, boolean rightToLeft) {
        this.code = code;
        this.rightToLeft = rightToLeft;
    }

    public String code() {
        return code;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The language a {@code lang} parameter names (French when absent), or {@code null} for any other value. */
    public static ReportLanguage of(String parameter) {
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
