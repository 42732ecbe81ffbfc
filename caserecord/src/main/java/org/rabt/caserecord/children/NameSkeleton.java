package org.rabt.caserecord.children;

import java.util.Map;

/**
 * The consonant skeleton of a name, the same for its Arabic spelling and its usual French-style
 * transliterations: "Mohammed", "Mohamed", "Muhammad" and محمد all give {@code MHMD}; "Youssef",
 * "Yousef", "Yusuf" and يوسف give {@code YSF}; "Khadija", "Khadidja" and خديجة give {@code KDJ}.
 * Vowels (and the Arabic letters that carry them, ع and the hamza included) are dropped, letters
 * that transliterations confuse fall into one class, and doubled consonants count once.
 *
 * <p>Hand-written because no library fits: ICU's Arabic-Latin transliterator follows scholarly
 * romanisation (ḫ, š, ʿ), not the French-style spellings of Moroccan civil status, and phonetic
 * encoders (Soundex, Metaphone) know neither Arabic script nor "ou", "kh" or "dj". It is a key
 * for proposing near matches to a coordinator, never for joining files on its own.
 */
final class NameSkeleton {

    private static final Map<Character, Character> ARABIC = Map.ofEntries(
            Map.entry('\u0628', 'B'), Map.entry('\u062A', 'T'), Map.entry('\u062B', 'T'), Map.entry('\u062C', 'J'),
            Map.entry('\u062D', 'H'), Map.entry('\u062E', 'K'), Map.entry('\u062F', 'D'), Map.entry('\u0630', 'D'),
            Map.entry('\u0631', 'R'), Map.entry('\u0632', 'Z'), Map.entry('\u0633', 'S'), Map.entry('\u0634', 'S'),
            Map.entry('\u0635', 'S'), Map.entry('\u0636', 'D'), Map.entry('\u0637', 'T'), Map.entry('\u0638', 'Z'),
            Map.entry('\u063A', 'G'), Map.entry('\u0641', 'F'), Map.entry('\u0642', 'K'), Map.entry('\u0643', 'K'),
            Map.entry('\u0644', 'L'), Map.entry('\u0645', 'M'), Map.entry('\u0646', 'N'), Map.entry('\u0647', 'H'),
            Map.entry('\u06A4', 'V'), Map.entry('\u06AF', 'G'));

    private NameSkeleton() {
    }

    /** The skeleton of a name already normalised by {@link ChildPseudonyms} (Latin or Arabic). */
    static String of(String normalised) {
        if (normalised == null || normalised.isBlank()) {
            return "";
        }
        // the article is often dropped or joined in one spelling and not the other: "El Amrani", "Amrani", العمراني
        return isArabic(normalised) ? arabic(normalised.replaceFirst("^\u0627\u0644(?=\\S{3})", ""))
                : latin(normalised.replaceFirst("^(EL|AL) (?=\\S)", ""));
    }

    private static boolean isArabic(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
    }

    private static String latin(String upper) {
        // a final "h" after a vowel is the teh marbuta or a silent heh (Fatimah, Abdellah), which
        // the Arabic side drops too
        String s = upper.replaceAll("(?<=[AEIOU])H\\b", "").replace(" ", "")
                .replace("OU", "U").replace("DJ", "J").replace("CH", "S").replace("SH", "S").replace("KH", "K")
                .replace("GH", "G").replace("TH", "T").replace("PH", "F").replace("Q", "K").replace("C", "K")
                .replace("X", "KS");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean vowel = "AEIOU".indexOf(c) >= 0 || (c == 'Y' && i > 0) || (c == 'W' && i > 0);
            if (!vowel) {
                append(out, c);
            }
        }
        return out.toString();
    }

    private static String arabic(String text) {
        // a final heh (teh marbuta once normalised) is a vowel ending: خديجة is Khadija
        String s = text.replaceAll("\u0647(?=\\s|$)", "").replace(" ", "");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            Character consonant = ARABIC.get(c);
            if (consonant != null) {
                append(out, consonant);
            } else if (i == 0 && c == '\u064A') {
                append(out, 'Y'); // a leading yeh is a consonant (Youssef); inside, a vowel
            } else if (i == 0 && c == '\u0648') {
                append(out, 'W');
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, char c) {
        if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
            out.append(c);
        }
    }
}
